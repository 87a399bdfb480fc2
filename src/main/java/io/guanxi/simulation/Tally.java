package io.guanxi.simulation;

import io.guanxi.platform.UtcMillis;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Counts a replay as it goes: memory grows with the number of distinct codes and rules, never with
 * the number of decisions (changed decisions go to a sink, findings and skips are kept up to 100).
 */
final class Tally {

    static final int LISTED = 100;
    private static final String NOTHING = "-";

    private final String candidateVersion;
    private long replayed;
    private long changed;
    private long reproduced;
    private long notReproduced;
    private long skipped;
    // Counted in hash maps (a replay counts every decision here, on the one thread that walks the
    // log); sorted by code once, for the report.
    private final Map<String, Map<String, Map<String, long[]>>> matrices = new LinkedHashMap<>();
    private final Map<String, Map<String, long[]>> codes = new LinkedHashMap<>();
    private final Map<String, long[]> rules = new HashMap<>();
    private final List<Report.Finding> findings = new ArrayList<>();
    private final List<Report.Skip> skips = new ArrayList<>();

    Tally(String candidateVersion) {
        this.candidateVersion = candidateVersion;
        Outcome.OUTPUTS.forEach(o -> matrices.put(o, new HashMap<>()));
        List.of("flags", "entitlements", "actions").forEach(k -> codes.put(k, new HashMap<>()));
    }

    /** Counts one replayed decision; the change when any code differs, else null. */
    Change add(Member m, Outcome after) {
        replayed++;
        Outcome before = m.before();
        for (String output : Outcome.OUTPUTS) {
            String was = before == null ? NOTHING : String.valueOf(before.output(output));
            matrices.get(output).computeIfAbsent(was, k -> new HashMap<>())
                    .computeIfAbsent(after.output(output), k -> new long[1])[0]++;
        }
        codes("flags", before, after, Outcome::flags);
        codes("entitlements", before, after, Outcome::entitlements);
        codes("actions", before, after, Outcome::actions);
        if (before != null) {
            before.rules().forEach(r -> rules.computeIfAbsent(r, k -> new long[2])[0]++);
        }
        after.rules().forEach(r -> rules.computeIfAbsent(r, k -> new long[2])[1]++);
        if (candidateVersion.equals(m.version()) && before != null) {
            if (before.equals(after)) {
                reproduced++;
            } else if (notReproduced++ < LISTED) {
                findings.add(new Report.Finding(m.seq(), m.decisionId(), before, after));
            }
        }
        if (before != null && before.sameAnswer(after)) {
            return null;
        }
        changed++;
        return new Change(m.seq(), m.decisionId(), m.facts().getCustomerId(),
                m.decidedAt() == null ? null : UtcMillis.format(m.decidedAt()), m.version(), before, after,
                only(before == null ? List.of() : before.rules(), after.rules()),
                only(after.rules(), before == null ? List.of() : before.rules()));
    }

    void skipped(long seq, String decisionId, String reason) {
        if (skipped++ < LISTED) {
            skips.add(new Report.Skip(seq, decisionId, reason));
        }
    }

    long replayed() {
        return replayed;
    }

    Report report(Report.RanAgainst ranAgainst) {
        Map<String, List<Report.Cell>> cells = new LinkedHashMap<>();
        matrices.forEach((output, rows) -> cells.put(output, sorted(rows).entrySet().stream().flatMap(row ->
                sorted(row.getValue()).entrySet().stream()
                        .map(c -> new Report.Cell(row.getKey(), c.getKey(), c.getValue()[0]))).toList()));
        Map<String, List<Report.CodeChange>> changes = new LinkedHashMap<>();
        codes.forEach((kind, byCode) -> changes.put(kind, sorted(byCode).entrySet().stream()
                .map(e -> new Report.CodeChange(e.getKey(), e.getValue()[0], e.getValue()[1])).toList()));
        List<Report.RuleCount> fired = sorted(rules).entrySet().stream()
                .map(e -> new Report.RuleCount(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
        Report.Counts counts = new Report.Counts(replayed, changed, replayed - changed, reproduced, notReproduced, skipped);
        return new Report(counts, cells, changes, fired, List.copyOf(findings), List.copyOf(skips), ranAgainst);
    }

    /** Per code, counts a decision where it is added ([0]) or removed ([1]); a code kept is counted nowhere. */
    private void codes(String kind, Outcome before, Outcome after, Function<Outcome, List<String>> of) {
        Set<String> was = before == null ? Set.of() : new HashSet<>(of.apply(before));
        Set<String> is = new HashSet<>(of.apply(after));
        Map<String, long[]> byCode = codes.get(kind);
        is.stream().filter(c -> !was.contains(c)).forEach(c -> byCode.computeIfAbsent(c, k -> new long[2])[0]++);
        was.stream().filter(c -> !is.contains(c)).forEach(c -> byCode.computeIfAbsent(c, k -> new long[2])[1]++);
    }

    /** By code; no code at all (a stage not yet set) first. */
    private static <V> Map<String, V> sorted(Map<String, V> counts) {
        Map<String, V> sorted = new TreeMap<>(Comparator.nullsFirst(Comparator.naturalOrder()));
        sorted.putAll(counts);
        return sorted;
    }

    private static List<String> only(List<String> in, List<String> notIn) {
        return in.stream().filter(r -> !notIn.contains(r)).toList();
    }
}
