package io.guanxi.decisionlog.chain;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Many decision records for one customer, written straight into the log with one INSERT … SELECT
 * over MariaDB's sequence engine, each a copy of one real decision's input and fired rules (output
 * and explanation left empty: volume, not content, is what a streaming test needs, and every stored
 * byte costs insert time); and removed again, so that no other test meets them. They are never
 * sealed into the chain, so the audit indexer never indexes them: audit queries read them from
 * the log itself. Tests only: the service never deletes.
 */
public final class BulkDecisions {

    private final DataSource dataSource;
    private final String customerId;

    public BulkDecisions(DataSource dataSource, String customerId) {
        this.dataSource = dataSource;
        this.customerId = customerId;
    }

    /** Copies the record of {@code templateDecisionId} {@code count} times, one millisecond apart. */
    public void insert(String templateDecisionId, int count, String runHex8) throws SQLException {
        String sql = "INSERT INTO decision_record (decision_id, customer_id, request_id, ruleset_version, previous_stage,"
                + " cooperation_stage, transition, lifecycle_stage, tier, relationship_type, input_json, output_json,"
                + " fired_rules, decided_at, evaluation_micros, explanation_json)"
                + " SELECT CONCAT(?, '-0000-4000-8000-', LPAD(s.seq, 12, '0')), t.customer_id, NULL, t.ruleset_version,"
                + " t.previous_stage, t.cooperation_stage, t.transition, t.lifecycle_stage, t.tier, t.relationship_type,"
                + " t.input_json, '{}', COALESCE(t.fired_rules, '[]'), t.decided_at + INTERVAL s.seq * 1000 MICROSECOND,"
                + " t.evaluation_micros, '[]'"
                + " FROM seq_1_to_" + count + " s, decision_record t WHERE t.decision_id = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(sql)) {
            insert.setString(1, runHex8);
            insert.setString(2, templateDecisionId);
            insert.executeUpdate();
        }
    }

    public long count() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("SELECT COUNT(*) FROM decision_record WHERE customer_id = ?")) {
            q.setString(1, customerId);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    void delete() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement records = c.prepareStatement("DELETE FROM decision_record WHERE customer_id = ?")) {
                records.setString(1, customerId);
                records.executeUpdate();
            }
        }
    }

    static String jdbcUrl(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return c.getMetaData().getURL();
        }
    }
}
