package io.guanxi.audit;

import io.guanxi.platform.UtcMillis;
import io.guanxi.platform.db.Placeholders;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of an audit query over one of the two parts of the log: the records the audit indexes
 * reach (seq up to the indexer's position), driven from the index that serves the query's filter,
 * and the records they do not reach yet (seq above it, or not sealed into the chain), read from the
 * chain itself. Together they hold every record once. Both give records in the order they were
 * stored (the id), from after the cursor's id. A rule filter is served by the rule's bitmaps in the
 * indexed part ({@link RuleBitmapRows}) and by reading each record's rules in the other
 * ({@link MatchingRows}).
 */
final class AuditSql {

    static final String SUMMARY_COLUMNS = "d.id, d.decision_id, d.customer_id, d.request_id, d.ruleset_version, "
            + "d.decided_at, d.previous_stage, d.cooperation_stage, d.transition, d.lifecycle_stage, d.tier, "
            + "d.relationship_type, d.fired_rules, d.decision_json, d.experiment_id, d.experiment_arm";
    static final String FULL_COLUMNS = SUMMARY_COLUMNS
            + ", d.evaluation_micros, d.input_json, d.output_json, d.explanation_json, d.shadow_json";

    private final StringBuilder sql = new StringBuilder("SELECT ");
    private final List<Object> parameters = new ArrayList<>();

    private AuditSql(String select) {
        sql.setLength(0);
        sql.append(select);
    }

    /**
     * The records with {@code seq <= indexedSeq}, without a rule filter (see {@link RuleBitmapRows});
     * {@code periodIds} from {@link #periodIds}, and {@code namingVersions} the versions whose rule of
     * the filter's id has the filter's full name.
     */
    static AuditSql indexed(AuditQuery q, boolean full, long indexedSeq, long[] periodIds,
                            List<String> namingVersions) {
        AuditSql s = new AuditSql("SELECT " + (full ? FULL_COLUMNS : SUMMARY_COLUMNS));
        String order;
        if (q.tier() != null || q.transition() != null) {
            s.sql.append(" FROM decision_index x JOIN decision_record d ON d.id = x.record_id WHERE TRUE");
            s.where("x.tier = ?", q.tier());
            s.where("x.transition = ?", q.transition());
            order = "x.record_id";
        } else {
            s.sql.append(" FROM decision_record d WHERE TRUE");
            order = "d.id";
        }
        s.where("d.seq <= ?", indexedSeq);
        if (periodIds != null) {
            s.where(order + " >= ?", periodIds[0]);
            s.where(order + " <= ?", periodIds[1]);
        }
        return s.filtered(q, order, namingVersions, true);
    }

    /** The indexed records among {@code ids} (ascending) that match the query's filters but the rule. */
    static AuditSql byIds(AuditQuery q, boolean full, long indexedSeq, List<Long> ids, List<String> namingVersions) {
        AuditSql s = new AuditSql("SELECT " + (full ? FULL_COLUMNS : SUMMARY_COLUMNS)
                + " FROM decision_record d WHERE d.id IN (" + Placeholders.of(ids.size()) + ")");
        s.parameters.addAll(ids);
        s.where("d.seq <= ?", indexedSeq);
        return s.filtered(q, "d.id", namingVersions, false);
    }

    /**
     * The records with {@code seq > indexedSeq} or none, from {@code firstId} ({@link #firstUnindexedId});
     * without the rule filter, which the reader applies.
     */
    static AuditSql unindexed(AuditQuery q, boolean full, long indexedSeq, long firstId, List<String> namingVersions) {
        AuditSql s = new AuditSql("SELECT " + (full ? FULL_COLUMNS : SUMMARY_COLUMNS)
                + " FROM decision_record d WHERE (d.seq > ? OR d.seq IS NULL) AND d.id >= ?");
        s.parameters.add(indexedSeq);
        s.parameters.add(firstId);
        return s.filtered(q, "d.id", namingVersions, q.ruleId() == null);
    }

    /**
     * The lowest id of a record the indexes do not reach, found in the seq index alone (Long.MAX_VALUE
     * when there is none): the unindexed part then reads the primary key from there, the chain's tail,
     * instead of filtering every record of the log by its seq.
     */
    static long firstUnindexedId(Connection connection, long indexedSeq) throws SQLException {
        AuditSql first = new AuditSql("SELECT LEAST(COALESCE((SELECT MIN(id) FROM decision_record WHERE seq > ?), ?),"
                + " COALESCE((SELECT MIN(id) FROM decision_record WHERE seq IS NULL), ?))");
        first.parameters.addAll(List.of(indexedSeq, Long.MAX_VALUE, Long.MAX_VALUE));
        try (ResultSet row = first.execute(connection, 0)) {
            row.next();
            return row.getLong(1);
        }
    }

    private AuditSql filtered(AuditQuery q, String order, List<String> namingVersions, boolean limited) {
        where(order + " > ?", q.afterId());
        where("d.customer_id = ?", q.customerId());
        where("d.decided_at >= ?", UtcMillis.toDatabase(q.from()));
        where("d.decided_at < ?", UtcMillis.toDatabase(q.to()));
        where("d.tier = ?", q.tier());
        where("d.transition = ?", q.transition());
        where("d.experiment_id = ?", q.experimentId());
        where("d.experiment_arm = ?", q.arm());
        ruleName(q.ruleName(), namingVersions);
        sql.append(" ORDER BY ").append(order);
        if (limited && q.limit() > 0) {
            // One more than asked: whether it exists says whether there is a next page.
            sql.append(" LIMIT ").append(q.limit() + 1);
        }
        return this;
    }

    /**
     * A record that holds its fired rules' names must list the name; one that stores facts (rule ids
     * only, matched by id already) must come from a version that gives the id that name.
     */
    private void ruleName(String name, List<String> namingVersions) {
        if (name == null) {
            return;
        }
        sql.append(" AND (JSON_CONTAINS(d.fired_rules, JSON_QUOTE(?))");
        parameters.add(name);
        if (!namingVersions.isEmpty()) {
            sql.append(" OR d.fired_rules IS NULL AND d.ruleset_version IN (")
                    .append(Placeholders.of(namingVersions.size(), "?")).append(')');
            parameters.addAll(namingVersions);
        }
        sql.append(')');
    }

    /**
     * The lowest and highest id of the indexed records decided in the period: exact bounds (every
     * such record lies between them), found in the time index alone, that turn the period into a
     * key range. Without them a page of an old period would read every record stored before it.
     * {1, 0} (no id) when the period has no indexed record; null without a period.
     */
    static long[] periodIds(Connection connection, AuditQuery q) throws SQLException {
        if (q.from() == null && q.to() == null) {
            return null;
        }
        AuditSql bounds = new AuditSql("SELECT MIN(x.record_id), MAX(x.record_id) FROM decision_index x WHERE TRUE");
        bounds.where("x.decided_at >= ?", UtcMillis.toDatabase(q.from()));
        bounds.where("x.decided_at < ?", UtcMillis.toDatabase(q.to()));
        try (ResultSet row = bounds.execute(connection, 0)) {
            row.next();
            long min = row.getLong(1);
            return row.wasNull() ? new long[] {1, 0} : new long[] {min, row.getLong(2)};
        }
    }

    /** A forward-only, read-only statement; a positive fetch size makes the driver stream the rows. */
    ResultSet execute(Connection connection, int fetchSize) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql.toString(), ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY);
        statement.closeOnCompletion();
        statement.setFetchSize(fetchSize);
        for (int i = 0; i < parameters.size(); i++) {
            statement.setObject(i + 1, parameters.get(i));
        }
        return statement.executeQuery();
    }

    private void where(String condition, Object value) {
        if (value != null) {
            sql.append(" AND ").append(condition);
            parameters.add(value);
        }
    }
}
