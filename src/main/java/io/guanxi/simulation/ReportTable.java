package io.guanxi.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A report as an analyst reads it in a terminal: what ran, the counts, what moved, and the first changes. */
final class ReportTable {

    private ReportTable() {
    }

    static List<String> lines(Report report, List<Change> firstChanges) {
        List<String> lines = new ArrayList<>();
        Report.RanAgainst ran = report.ranAgainst();
        lines.add("candidate " + ran.candidateVersion() + " over " + (ran.population().equals("log")
                ? "the log" + (ran.chainHead() == null ? "" : " (chain head " + ran.chainHead().seq() + ")")
                : "a facts file" + (ran.baselineVersion() == null ? "" : " against " + ran.baselineVersion())));
        Report.Counts c = report.counts();
        lines.add(String.format(Locale.ROOT, "replayed %d, changed %d, unchanged %d, reproduced %d, not reproduced %d,"
                + " skipped %d (%.1f s)", c.replayed(), c.changed(), c.unchanged(), c.reproduced(), c.notReproduced(),
                c.skipped(), ran.seconds()));
        report.matrices().forEach((output, cells) -> {
            lines.add("");
            lines.add(output + " (before -> after: decisions)");
            cells.stream().sorted((a, b) -> Boolean.compare(a.before().equals(a.after()), b.before().equals(b.after())))
                    .forEach(cell -> lines.add(String.format(Locale.ROOT, "  %-12s -> %-12s %8d%s", cell.before(),
                            cell.after(), cell.count(), cell.before().equals(cell.after()) ? "" : "   changed")));
        });
        report.codes().forEach((kind, codes) -> codes.forEach(code -> lines.add(String.format(Locale.ROOT,
                "%s %s: added in %d, removed in %d", kind, code.code(), code.added(), code.removed()))));
        report.rules().stream().filter(r -> r.before() != r.after()).forEach(r -> lines.add(String.format(Locale.ROOT,
                "rule %s fired in %d decisions before, %d after", r.rule(), r.before(), r.after())));
        report.findings().forEach(f -> lines.add("NOT REPRODUCED " + f.seq() + " " + f.decisionId()));
        report.skippedRecords().forEach(s -> lines.add("skipped " + s.seq() + ": " + s.reason()));
        if (!firstChanges.isEmpty()) {
            lines.add("");
            lines.add("first changes (seq customer: output before -> after; rules before / after):");
            firstChanges.forEach(ch -> lines.add("  " + ch.seq() + " " + ch.customerId() + ": " + difference(ch)));
        }
        return lines;
    }

    private static String difference(Change ch) {
        List<String> moved = new ArrayList<>();
        for (String output : Outcome.OUTPUTS) {
            String before = ch.before() == null ? "-" : String.valueOf(ch.before().output(output));
            if (!before.equals(ch.after().output(output))) {
                moved.add(output + " " + before + " -> " + ch.after().output(output));
            }
        }
        if (moved.isEmpty()) {
            moved.add("flags, entitlements or actions");
        }
        return String.join(", ", moved) + "; " + ch.rulesBefore() + " / " + ch.rulesAfter();
    }
}
