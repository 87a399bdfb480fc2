package io.guanxi.rules.compile;

import io.guanxi.rules.RuleFile;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.drools.decisiontable.parser.DefaultRuleSheetListener;
import org.drools.template.parser.DecisionTableParseException;

/**
 * One decision table file ({@code *.drl.csv}, {@code *.drl.xlsx}, {@code *.drl.xls}) turned into
 * DRL, which can point a Drools message about that DRL back at the table's row and cell: Drools
 * knows only the DRL it generated, the analyst knows only the table.
 */
public final class DecisionTable {

    /** Drools opens every generated rule with this comment naming the cell its row starts at. */
    private static final Pattern ROW_COMMENT = Pattern.compile("^// rule values at [A-Z]+(\\d+),", Pattern.MULTILINE);
    private static final Pattern RULE_NAME = Pattern.compile("^rule \"([^\"\\\\]*(?:\\\\.[^\"\\\\]*)*)\"", Pattern.MULTILINE);
    /** Positions in the generated DRL mean nothing to the analyst. */
    private static final Pattern DRL_POSITION = Pattern.compile(
            "\\s*\\b[Ll]ine \\d+:\\d+\\s*|\\s*\\[\\d+,\\d+\\]|\\s*\\[Line: \\d+, Column: \\d+\\]|\\s*\\|\\s*\\^(?=\\s|$)");
    /** Code a Drools message quotes, to find the generated line it is about when it gives none. */
    private static final Pattern QUOTED_CODE = Pattern.compile("Expression (.+?):|\\{\\.\\.\\. (.+?) \\.\\.\\.\\.\\}");
    /** Drools names the cell itself in some table errors. */
    private static final Pattern CELL = Pattern.compile("\\bcell ([A-Z]+)(\\d+)");

    private final String path;
    private final DecisionTableCells cells;
    private final DecisionTableLayout layout;
    private final List<String> errors = new ArrayList<>();
    private final TreeMap<Integer, Integer> rowAtLine = new TreeMap<>();
    private final Map<String, Integer> rowOfRule = new TreeMap<>();
    private String drl;
    private String[] drlLines = new String[0];

    private DecisionTable(String path, RuleFile file) {
        this.path = path;
        this.cells = new DecisionTableCells();
        DefaultRuleSheetListener rules = new DefaultRuleSheetListener();
        try {
            InputType type = file.path().endsWith(".csv") ? InputType.CSV : InputType.XLS;
            type.createParser(List.of(rules, cells)).parseFile(new ByteArrayInputStream(file.content()));
        } catch (DecisionTableParseException | IllegalArgumentException | IllegalStateException e) {
            errors.add(parseError(causes(e)));
        }
        this.layout = new DecisionTableLayout(path, cells);
        if (errors.isEmpty()) {
            errors.addAll(layout.check());
            errors.addAll(DecisionTableCodes.check(cells, layout));
        }
        if (errors.isEmpty()) {
            generate(rules);
        }
    }

    /** Reads, checks and translates a table; see {@link #errors()} before using {@link #drl()}. */
    public static DecisionTable translate(String displayPath, RuleFile file) {
        return new DecisionTable(displayPath, file);
    }

    /** Problems found before Drools compiles the generated DRL, each naming the file and row or cell. */
    public List<String> errors() {
        return errors;
    }

    /** The generated DRL with exact decimal literals, or null when the table has errors. */
    public String drl() {
        return drl;
    }

    /** A Drools message about the generated DRL, said of the table: {@code path:row: cell C12 (label): text}. */
    String describe(int line, String text) {
        String clean = DRL_POSITION.matcher(text).replaceAll(" ").replaceAll(" {2,}", " ").strip()
                .replaceFirst("\\s*\\|$", "");
        int at = line > 0 && line <= drlLines.length ? line : lineQuotedIn(text);
        Integer row = at > 0 && rowAtLine.floorEntry(at) != null ? rowAtLine.floorEntry(at).getValue() : null;
        if (row == null) {
            row = rowOfRule.entrySet().stream().filter(e -> text.contains(e.getKey()))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
        }
        if (row == null) {
            return path + ": " + clean;
        }
        Integer column = cellOf(row, at > 0 ? drlLines[at - 1] : "", text);
        return column == null ? path + ":" + (row + 1) + ": row " + (row + 1) + ": " + clean
                : layout.at(row, column) + clean;
    }

    /** A Drools error while reading the table, at the cell it names when it names one. */
    private String parseError(String message) {
        Matcher cell = CELL.matcher(message);
        if (cell.find()) {
            int row = Integer.parseInt(cell.group(2)) - 1;
            int column = cell.group(1).chars().reduce(0, (n, c) -> n * 26 + c - 'A' + 1) - 1;
            return new DecisionTableLayout(path, cells).at(row, column) + message.replace(", in " + cell.group(), "")
                    .replace(" in " + cell.group(), "");
        }
        return path + ": not a readable decision table: " + message;
    }

    /** The one generated line holding the code a message quotes, or 0. */
    private int lineQuotedIn(String text) {
        Matcher code = QUOTED_CODE.matcher(text);
        while (code.find()) {
            String quoted = code.group(1) != null ? code.group(1) : code.group(2);
            List<Integer> lines = new ArrayList<>();
            for (int i = 0; i < drlLines.length; i++) {
                if (drlLines[i].contains(quoted)) {
                    lines.add(i + 1);
                }
            }
            if (lines.size() == 1) {
                return lines.get(0);
            }
        }
        return 0;
    }

    private void generate(DefaultRuleSheetListener rules) {
        try {
            drl = ExactDecimals.rewrite(new SpreadsheetCompiler().listenerToString(rules));
        } catch (DecisionTableParseException | IllegalArgumentException | IllegalStateException e) {
            errors.add(parseError(causes(e)));
            return;
        }
        drlLines = drl.split("\n", -1);
        Matcher row = ROW_COMMENT.matcher(drl);
        while (row.find()) {
            int line = lineOf(drl, row.start());
            int tableRow = Integer.parseInt(row.group(1)) - 1;
            rowAtLine.put(line, tableRow);
            Matcher name = RULE_NAME.matcher(drl);
            if (name.find(row.end())) {
                rowOfRule.put("'" + name.group(1) + "'", tableRow);
            }
        }
    }

    /**
     * The cell of a row the message is about: the one whose code, filled with its value, is on the
     * generated line; else the one whose value the line or the message mentions; null when that is
     * not one cell.
     */
    private Integer cellOf(int row, String drlLine, String text) {
        DecisionTableLayout.Table table = layout.tableOf(row);
        if (table == null) {
            return null;
        }
        List<Integer> filled = table.keywords().keySet().stream().sorted()
                .filter(c -> !cells.value(row, c).isEmpty()).toList();
        List<Integer> names = table.columns(Set.of("NAME", "N"));
        if (drlLine.strip().startsWith("rule ") && names.size() == 1 && filled.contains(names.get(0))
                && text.contains(cells.value(row, names.get(0)))) {
            return names.get(0);
        }
        List<Integer> byCode = filled.stream().filter(c -> table.codes().get(c).contains("$param")
                && drlLine.contains(table.codes().get(c).replace("$param", cells.value(row, c)))).toList();
        if (byCode.size() == 1) {
            return byCode.get(0);
        }
        List<Integer> onLine = filled.stream().filter(c -> mentions(drlLine, cells.value(row, c))).toList();
        for (List<Integer> candidates : List.of(onLine, filled)) {
            List<Integer> inText = candidates.stream().filter(c -> mentions(text, cells.value(row, c))).toList();
            if (candidates.size() == 1 || inText.size() == 1) {
                return candidates.size() == 1 ? candidates.get(0) : inText.get(0);
            }
        }
        return null;
    }

    private static boolean mentions(String text, String value) {
        return Pattern.compile("(?<!\\w)" + Pattern.quote(value) + "(?![\\w])").matcher(text).find();
    }

    private static String causes(Throwable e) {
        StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            text.append(": ").append(c.getMessage());
        }
        return text.toString();
    }

    private static int lineOf(String text, int offset) {
        return (int) text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
    }
}
