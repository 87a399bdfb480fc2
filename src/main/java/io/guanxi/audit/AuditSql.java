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
 * The SQL of an audit query: every filter on an indexed column, records in the order they were
 * stored (the auto-increment id), a page starting after the cursor's id. The rule filter drives the
 * query from decision_rule, whose primary key (rule_id, record_id) is already in that order.
 */
final class AuditSql {

    static final String SUMMARY_COLUMNS = "d.id, d.decision_id, d.customer_id, d.request_id, d.ruleset_version, "
            + "d.decided_at, d.previous_stage, d.cooperation_stage, d.transition, d.lifecycle_stage, d.tier, "
            + "d.relationship_type, d.fired_rules, d.decision_json";
    static final String FULL_COLUMNS = SUMMARY_COLUMNS
            + ", d.evaluation_micros, d.input_json, d.output_json, d.explanation_json";

    private final StringBuilder sql = new StringBuilder("SELECT ");
    private final List<Object> parameters = new ArrayList<>();

    private AuditSql(AuditQuery q, boolean full, long[] periodIds, List<String> namingVersions) {
        sql.append(full ? FULL_COLUMNS : SUMMARY_COLUMNS);
        String order = "d.id";
        if (q.ruleId() != null) {
            // Drive from the rule index; its record_id order is the records' order.
            sql.append(" FROM decision_rule r JOIN decision_record d ON d.id = r.record_id WHERE r.rule_id = ?");
            parameters.add(q.ruleId());
            order = "r.record_id";
        } else {
            sql.append(" FROM decision_record d WHERE TRUE");
        }
        where(order + " > ?", q.afterId());
        if (periodIds != null) {
            where(order + " >= ?", periodIds[0]);
            where(order + " <= ?", periodIds[1]);
        }
        where("d.customer_id = ?", q.customerId());
        where("d.decided_at >= ?", UtcMillis.toDatabase(q.from()));
        where("d.decided_at < ?", UtcMillis.toDatabase(q.to()));
        where("d.tier = ?", q.tier());
        where("d.transition = ?", q.transition());
        ruleName(q.ruleName(), namingVersions);
        sql.append(" ORDER BY ").append(order);
        if (q.limit() > 0) {
            // One more than asked: whether it exists says whether there is a next page.
            sql.append(" LIMIT ").append(q.limit() + 1);
        }
    }

    /** {@code namingVersions}: the versions whose rule of the filter's id has the filter's full name. */
    static AuditSql summaries(Connection connection, AuditQuery q, List<String> namingVersions) throws SQLException {
        return new AuditSql(q, false, periodIds(connection, q), namingVersions);
    }

    static AuditSql full(Connection connection, AuditQuery q, List<String> namingVersions) throws SQLException {
        return new AuditSql(q, true, periodIds(connection, q), namingVersions);
    }

    /**
     * A record that holds its fired rules' names must list the name; one that stores facts (rule ids
     * only, already matched through decision_rule) must come from a version that gives the id that name.
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
     * The lowest and highest id decided in the period: exact bounds (every record of the period lies
     * between them), found in the decided_at index alone, that turn the period into a primary-key
     * range. Without them a page of an old period would read every record stored before it.
     * {1, 0} (no id) when the period is empty; null without a period.
     */
    private static long[] periodIds(Connection connection, AuditQuery q) throws SQLException {
        if (q.from() == null && q.to() == null) {
            return null;
        }
        AuditSql bounds = new AuditSql("SELECT MIN(d.id), MAX(d.id) FROM decision_record d WHERE TRUE");
        bounds.where("d.decided_at >= ?", UtcMillis.toDatabase(q.from()));
        bounds.where("d.decided_at < ?", UtcMillis.toDatabase(q.to()));
        try (ResultSet row = bounds.execute(connection, 0)) {
            row.next();
            long min = row.getLong(1);
            return row.wasNull() ? new long[] {1, 0} : new long[] {min, row.getLong(2)};
        }
    }

    private AuditSql(String select) {
        sql.setLength(0);
        sql.append(select);
    }

    String sql() {
        return sql.toString();
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

    /** decided_at holds UTC wall-clock time. */
}
