package io.guanxi.simulation;

import java.util.ArrayList;
import java.util.List;

/**
 * A changed decision as one CSV row (RFC 4180): where it is in the log, then each output before and
 * after, then the lists as space-separated codes and the rules that made the difference.
 */
final class ChangeCsv {

    static final String HEADER;

    static {
        List<String> columns = new ArrayList<>(List.of("seq", "decisionId", "customerId", "decidedAt", "version"));
        for (String output : Outcome.OUTPUTS) {
            columns.add(output + "Before");
            columns.add(output + "After");
        }
        for (String list : List.of("flags", "entitlements", "actions")) {
            columns.add(list + "Before");
            columns.add(list + "After");
        }
        columns.add("rulesBefore");
        columns.add("rulesAfter");
        HEADER = String.join(",", columns) + "\r\n";
    }

    private ChangeCsv() {
    }

    static String row(Change c) {
        List<String> cells = new ArrayList<>(List.of(String.valueOf(c.seq()), text(c.decisionId()), c.customerId(),
                text(c.decidedAt()), text(c.version())));
        for (String output : Outcome.OUTPUTS) {
            cells.add(c.before() == null ? "" : text(c.before().output(output)));
            cells.add(text(c.after().output(output)));
        }
        Outcome b = c.before();
        cells.add(b == null ? "" : String.join(" ", b.flags()));
        cells.add(String.join(" ", c.after().flags()));
        cells.add(b == null ? "" : String.join(" ", b.entitlements()));
        cells.add(String.join(" ", c.after().entitlements()));
        cells.add(b == null ? "" : String.join(" ", b.actions()));
        cells.add(String.join(" ", c.after().actions()));
        cells.add(String.join(" ", c.rulesBefore()));
        cells.add(String.join(" ", c.rulesAfter()));
        return String.join(",", cells.stream().map(ChangeCsv::quoted).toList()) + "\r\n";
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static String quoted(String cell) {
        boolean plain = cell.chars().noneMatch(ch -> ch == ',' || ch == '"' || ch == '\r' || ch == '\n');
        return plain ? cell : '"' + cell.replace("\"", "\"\"") + '"';
    }
}
