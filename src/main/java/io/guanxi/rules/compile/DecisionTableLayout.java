package io.guanxi.rules.compile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where the rule tables of a decision table are, and the checks Drools does not make. Drools drops
 * a condition whose cell is empty (the rule then matches every value) and ignores rows below a
 * blank row: both would compile silently wrong, so both are errors here, each naming its cell.
 */
final class DecisionTableLayout {

    /** One {@code RuleTable}: its title row, the column keywords and labels, and its rule rows. */
    record Table(String title, int titleRow, Map<Integer, String> keywords, Map<Integer, String> codes,
                 Map<Integer, String> labels, int firstRuleRow, int endRow) {

        String label(int column) {
            return labels.getOrDefault(column, keywords.getOrDefault(column, "")).replaceAll("\\s+", " ");
        }

        List<Integer> columns(Set<String> kinds) {
            return keywords.entrySet().stream().filter(e -> kinds.contains(e.getValue()))
                    .map(Map.Entry::getKey).sorted().toList();
        }
    }

    /** Rows of a rule table under its title: keywords, fact types, code, labels; then the rules. */
    private static final int KEYWORD_ROW = 1;
    private static final int CODE_ROW = 3;
    private static final int LABEL_ROW = 4;
    private static final Set<String> OPTIONAL = Set.of("DESCRIPTION", "I");
    private static final Set<String> CONDITIONS = Set.of("CONDITION", "C");
    private static final Set<String> NAMES = Set.of("NAME", "N");

    private final String path;
    private final DecisionTableCells cells;
    private final List<Table> tables = new ArrayList<>();

    DecisionTableLayout(String path, DecisionTableCells cells) {
        this.path = path;
        this.cells = cells;
        for (int row = 0; row <= cells.lastRow(); row++) {
            if (cells.first(row).toLowerCase(Locale.ROOT).startsWith("ruletable")) {
                Table table = table(row);
                tables.add(table);
                row = table.endRow() - 1;
            }
        }
    }

    /** The table a 0-based row belongs to, if it is a rule row. */
    Table tableOf(int row) {
        return tables.stream().filter(t -> row >= t.firstRuleRow() && row < t.endRow()).findFirst().orElse(null);
    }

    /** {@code path:row: cell C12 (Segment size): } for a 0-based row and column. */
    String at(int row, int column) {
        Table table = tableOf(row);
        String label = table == null ? "" : table.label(column);
        return path + ":" + (row + 1) + ": cell " + DecisionTableCells.name(row, column)
                + (label.isEmpty() ? "" : " (" + label + ")") + ": ";
    }

    List<Table> tables() {
        return tables;
    }

    List<String> check() {
        List<String> errors = new ArrayList<>();
        if (tables.isEmpty()) {
            errors.add(path + ": no RuleTable found: a decision table needs a row that starts with RuleTable");
        }
        for (Table table : tables) {
            checkTable(table, errors);
        }
        return errors;
    }

    private Table table(int titleRow) {
        Map<Integer, String> keywords = new HashMap<>();
        Map<Integer, String> codes = new HashMap<>();
        Map<Integer, String> labels = new HashMap<>();
        for (int column : cells.filledColumns(titleRow + KEYWORD_ROW)) {
            keywords.put(column, cells.value(titleRow + KEYWORD_ROW, column).toUpperCase(Locale.ROOT));
            codes.put(column, cells.value(titleRow + CODE_ROW, column));
            labels.put(column, cells.value(titleRow + LABEL_ROW, column));
        }
        int first = titleRow + LABEL_ROW + 1;
        int end = first;
        while (end <= cells.lastRow() && !cells.isBlank(end) && !cells.first(end).toLowerCase(Locale.ROOT).startsWith("ruletable")) {
            end++;
        }
        String title = cells.first(titleRow).substring("ruletable".length()).strip();
        return new Table(title, titleRow, keywords, codes, labels, first, end);
    }

    private void checkTable(Table table, List<String> errors) {
        String where = path + ":" + (table.titleRow() + 1) + ": table " + table.title();
        if (table.columns(NAMES).isEmpty()) {
            errors.add(where + ": no NAME column: every rule needs its name with its stable id, e.g. TYPE-101 ...");
        }
        Map<List<String>, Integer> seen = new HashMap<>();
        for (int row = table.firstRuleRow(); row < table.endRow(); row++) {
            for (int column : table.keywords().keySet().stream().sorted().toList()) {
                if (!OPTIONAL.contains(table.keywords().get(column)) && cells.value(row, column).isEmpty()) {
                    errors.add(at(row, column) + "the cell is empty; every cell of a rule row must be filled"
                            + " (an empty condition cell would make the rule match every value)");
                }
            }
            final int r = row;
            List<String> conditions = table.columns(CONDITIONS).stream().map(c -> cells.value(r, c)).toList();
            Integer earlier = seen.putIfAbsent(conditions, row);
            if (earlier != null && !conditions.isEmpty()) {
                errors.add(path + ":" + (row + 1) + ": row " + (row + 1) + " repeats the conditions of row "
                        + (earlier + 1) + " (" + String.join(", ", conditions) + "): each combination may appear once");
            }
        }
        checkNothingBelow(table, errors);
    }

    /** Drools stops a table at its first blank row and ignores what follows, unless a new table starts. */
    private void checkNothingBelow(Table table, List<String> errors) {
        int next = tables.stream().map(Table::titleRow).filter(r -> r > table.titleRow()).findFirst()
                .orElse(cells.lastRow() + 1);
        for (int row = table.endRow(); row < next; row++) {
            if (!cells.isBlank(row)) {
                errors.add(path + ":" + (row + 1) + ": row " + (row + 1) + " is below the end of table "
                        + table.title() + " (the blank row " + (table.endRow() + 1) + " ends it), so it would be"
                        + " ignored: remove the blank row, or move this row above the table");
            }
        }
    }
}
