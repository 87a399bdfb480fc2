package io.guanxi.audit.overview;

import io.guanxi.audit.index.DecisionIndexer;
import io.guanxi.facts.Coded;
import io.guanxi.facts.CooperationStage;
import io.guanxi.facts.LifecycleStage;
import io.guanxi.facts.RelationshipType;
import io.guanxi.facts.Tier;
import io.guanxi.facts.Transition;
import io.guanxi.platform.UtcMillis;
import io.guanxi.rules.explain.TraceRenderer;
import io.guanxi.rules.lifecycle.LiveRuleSet;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/** Counts the decisions of the last days from the audit indexes, for the overview a relationship manager looks at. */
@Singleton
public class DecisionOverview {

    /** The most fired rules listed. */
    static final int TOP_RULES = 10;

    /** Decisions of the period by day, tier, stage and transition: a few hundred rows at most. */
    private static final String COUNTS = "SELECT DATE(decided_at), tier, cooperation_stage, transition, COUNT(*)"
            + " FROM decision_index WHERE decided_at >= ? AND decided_at < ? GROUP BY 1, 2, 3, 4";
    private static final String ID_RANGE = "SELECT MIN(record_id), MAX(record_id) FROM decision_index"
            + " WHERE decided_at >= ? AND decided_at < ?";
    /**
     * Fired counts of each rule over the records lo..hi: the bits of its blocks in that range, the
     * first and last block masked to the records inside it.
     */
    private static final String RULE_HITS = "SELECT rule_id, SUM(BIT_COUNT(bits"
            + " & CASE WHEN block = ? THEN ~CAST(0 AS UNSIGNED) << ? ELSE ~CAST(0 AS UNSIGNED) END"
            + " & CASE WHEN block = ? THEN ~CAST(0 AS UNSIGNED) >> ? ELSE ~CAST(0 AS UNSIGNED) END)) AS hits"
            + " FROM decision_rule_bitmap WHERE block BETWEEN ? AND ? GROUP BY rule_id ORDER BY hits DESC, rule_id LIMIT ?";

    private final DataSource dataSource;
    private final Optional<DecisionIndexer> indexer;
    private final LiveRuleSet rules;
    private final Clock clock;

    DecisionOverview(DataSource dataSource, Optional<DecisionIndexer> indexer, LiveRuleSet rules, Clock clock) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
        this.indexer = indexer;
        this.rules = rules;
        this.clock = clock;
    }

    /** The last {@code days} UTC days, today included. */
    public OverviewView lastDays(int days) throws SQLException {
        Instant now = clock.instant();
        LocalDateTime from = LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(days - 1L).atStartOfDay();
        LocalDateTime to = UtcMillis.toDatabase(now);
        // The position first: counted after it, the rows can only be more complete than it says.
        long indexedUpTo = indexer.isPresent() ? indexer.get().position().seq() : 0;
        try (Connection c = dataSource.getConnection()) {
            Tally tally = new Tally(from.toLocalDate(), days);
            counts(c, from, to, tally);
            return new OverviewView(UtcMillis.format(from), UtcMillis.format(to), indexedUpTo, tally.decisions,
                    tally.days(), tally.transitions, ruleHits(c, from, to), labels());
        }
    }

    private static void counts(Connection c, LocalDateTime from, LocalDateTime to, Tally tally) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(COUNTS)) {
            s.setObject(1, from);
            s.setObject(2, to);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    tally.add(r.getObject(1, LocalDate.class), r.getString(2), r.getString(3), r.getString(4), r.getLong(5));
                }
            }
        }
    }

    private List<OverviewView.RuleHits> ruleHits(Connection c, LocalDateTime from, LocalDateTime to) throws SQLException {
        long lo;
        long hi;
        try (PreparedStatement s = c.prepareStatement(ID_RANGE)) {
            s.setObject(1, from);
            s.setObject(2, to);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                lo = r.getLong(1);
                if (r.wasNull()) {
                    return List.of();
                }
                hi = r.getLong(2);
            }
        }
        TraceRenderer names = rules.current().renderer();
        return hitsBetween(c, lo, hi, TOP_RULES).entrySet().stream()
                .map(e -> new OverviewView.RuleHits(e.getKey(), names.ruleName(e.getKey()), e.getValue())).toList();
    }

    /** The {@code top} rules that fired in most of the records {@code lo..hi}, with how many, most first. */
    static Map<String, Long> hitsBetween(Connection c, long lo, long hi, int top) throws SQLException {
        Map<String, Long> hits = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement(RULE_HITS)) {
            Object[] values = {lo / 64, lo % 64, hi / 64, 63 - hi % 64, lo / 64, hi / 64, top};
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    hits.put(r.getString(1), r.getLong(2));
                }
            }
        }
        return hits;
    }

    private static Map<String, Map<String, String>> labels() {
        Map<String, Map<String, String>> labels = new LinkedHashMap<>();
        labels.put("cooperationStage", labelsOf(CooperationStage.values()));
        labels.put("transition", labelsOf(Transition.values()));
        labels.put("lifecycleStage", labelsOf(LifecycleStage.values()));
        labels.put("tier", labelsOf(Tier.values()));
        labels.put("relationshipType", labelsOf(RelationshipType.values()));
        return labels;
    }

    static Map<String, String> labelsOf(Coded[] codes) {
        return Arrays.stream(codes).collect(Collectors.toMap(Coded::name, Coded::label, (a, b) -> a, LinkedHashMap::new));
    }

    /** The counts of a period as they are read, every day and every code present from the start. */
    private static final class Tally {
        private final Map<LocalDate, long[]> totals = new TreeMap<>();
        private final Map<LocalDate, Map<String, Long>> tiers = new TreeMap<>();
        private final Map<LocalDate, Map<String, Long>> stages = new TreeMap<>();
        private final Map<String, Long> transitions = zeros(Transition.values());
        private long decisions;

        Tally(LocalDate first, int days) {
            for (int d = 0; d < days; d++) {
                LocalDate day = first.plusDays(d);
                totals.put(day, new long[1]);
                tiers.put(day, zeros(Tier.values()));
                stages.put(day, zeros(CooperationStage.values()));
            }
        }

        void add(LocalDate day, String tier, String stage, String transition, long count) {
            decisions += count;
            totals.computeIfAbsent(day, d -> new long[1])[0] += count;
            tiers.computeIfAbsent(day, d -> zeros(Tier.values())).merge(tier, count, Long::sum);
            stages.computeIfAbsent(day, d -> zeros(CooperationStage.values())).merge(stage, count, Long::sum);
            transitions.merge(transition, count, Long::sum);
        }

        List<OverviewView.Day> days() {
            return totals.entrySet().stream().map(e -> new OverviewView.Day(e.getKey().toString(), e.getValue()[0],
                    tiers.get(e.getKey()), stages.get(e.getKey()))).toList();
        }

        private static Map<String, Long> zeros(Coded[] codes) {
            Map<String, Long> zeros = new LinkedHashMap<>();
            for (Coded code : codes) {
                zeros.put(code.name(), 0L);
            }
            return zeros;
        }
    }
}
