package io.guanxi.audit.index;

import io.guanxi.decisionlog.FiredRuleIds;
import io.guanxi.platform.db.Placeholders;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The derived index rows of a run of chained records: one {@code decision_index} row (time, tier,
 * cooperation stage, transition) per record, and its bit in the {@code decision_rule_bitmap} row of each rule that
 * fired in it. Written idempotently, so that indexing a record again changes nothing.
 */
final class IndexedRows {

    /** What one record contributes. */
    record Entry(long recordId, long seq, LocalDateTime decidedAt, String tier, String stage, String transition,
                 List<String> ruleIds) {
    }


    static final String SELECT = "SELECT id, seq, decided_at, tier, cooperation_stage, transition, fired_rules,"
            + " decision_json"
            + " FROM decision_record WHERE seq > ? ORDER BY seq LIMIT ?";

    private IndexedRows() {
    }

    /** The next {@code limit} records of the chain after {@code seq}, in chain order. */
    static List<Entry> after(Connection c, long seq, int limit) throws SQLException {
        List<Entry> entries = new ArrayList<>(limit);
        try (PreparedStatement s = c.prepareStatement(SELECT)) {
            s.setLong(1, seq);
            s.setInt(2, limit);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    entries.add(new Entry(rows.getLong(1), rows.getLong(2), rows.getObject(3, LocalDateTime.class),
                            rows.getString(4), rows.getString(5), rows.getString(6),
                            FiredRuleIds.ofStored(rows.getLong(1), rows.getString(7), rows.getString(8))));
                }
            }
        }
        return entries;
    }

    /** Inserts the entries' rows (an existing row is left as it is: it was derived from the same record). */
    static void write(Connection c, List<Entry> entries) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT IGNORE INTO decision_index"
                + " (record_id, decided_at, tier, cooperation_stage, transition) VALUES "
                + Placeholders.of(entries.size(), "(?, ?, ?, ?, ?)"))) {
            int i = 1;
            for (Entry e : entries) {
                s.setLong(i++, e.recordId());
                s.setObject(i++, e.decidedAt());
                s.setString(i++, e.tier());
                s.setString(i++, e.stage());
                s.setString(i++, e.transition());
            }
            s.executeUpdate();
        }
        Map<RuleBlock, Long> bitmaps = new TreeMap<>();
        entries.forEach(e -> e.ruleIds().forEach(rule -> bitmaps.merge(RuleBlock.of(rule, e.recordId()),
                RuleBlock.bit(e.recordId()), (a, b) -> a | b)));
        if (bitmaps.isEmpty()) {
            return;
        }
        // In primary-key order; a block already stored (records of an earlier round) gains these bits.
        try (PreparedStatement s = c.prepareStatement("INSERT INTO decision_rule_bitmap (rule_id, block, bits) VALUES "
                + Placeholders.of(bitmaps.size(), "(?, ?, ?)") + " ON DUPLICATE KEY UPDATE bits = bits | VALUES(bits)")) {
            int i = 1;
            for (Map.Entry<RuleBlock, Long> bitmap : bitmaps.entrySet()) {
                s.setString(i++, bitmap.getKey().ruleId());
                s.setLong(i++, bitmap.getKey().block());
                s.setString(i++, Long.toUnsignedString(bitmap.getValue()));
            }
            s.executeUpdate();
        }
    }
}
