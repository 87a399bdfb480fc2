package io.guanxi.audit.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.guanxi.platform.db.EmbeddedMariaDb;
import io.guanxi.testing.AuditDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * Migration V9 builds the audit indexes of a log written before it: every sealed record in
 * {@code decision_index}, the old per-record rule rows as bitmaps, the indexer's position at the
 * last sealed record, and records not sealed yet left for the indexer.
 */
class AuditIndexMigrationTest {

    @Test
    void aLogWrittenBeforeV9IsIndexedByTheMigration() throws SQLException {
        EmbeddedMariaDb server = AuditDatabase.server();
        String url = server.jdbcUrl("guanxi_v9_migration");
        try (Connection c = DriverManager.getConnection(url, server.username(), server.password())) {
            c.createStatement().execute("DROP DATABASE IF EXISTS guanxi_v9_migration");
        }
        migrate(url, server, "8");
        try (Connection c = DriverManager.getConnection(url, server.username(), server.password())) {
            // Sealed records 1, 2 and 65 (a second block of ids), and record 66 not sealed yet.
            record(c, 1, 1L, "STRATEGIC");
            record(c, 2, 2L, "KEY");
            record(c, 65, 3L, "STRATEGIC");
            record(c, 66, null, "STANDARD");
            for (Object[] row : new Object[][] {{"TIER-010", 1}, {"COOP-100", 1}, {"TIER-010", 2}, {"TIER-010", 65},
                    {"NBA-090", 66}}) {
                AuditDatabase.update(c, "INSERT INTO decision_rule (rule_id, record_id) VALUES (?, ?)", row);
            }
        }

        migrate(url, server, "9");

        try (Connection c = DriverManager.getConnection(url, server.username(), server.password())) {
            assertEquals(List.of("1 STRATEGIC", "2 KEY", "65 STRATEGIC"),
                    rows(c, "SELECT CONCAT(record_id, ' ', tier) FROM decision_index ORDER BY record_id"));
            assertEquals(List.of("COOP-100 0 2", "TIER-010 0 6", "TIER-010 1 2"),
                    rows(c, "SELECT CONCAT_WS(' ', rule_id, block, bits) FROM decision_rule_bitmap ORDER BY rule_id, block"));
            assertEquals(List.of("3"), rows(c, "SELECT seq FROM decision_indexer"));
            assertEquals(List.of("0"), rows(c, "SELECT COUNT(*) FROM information_schema.TABLES"
                    + " WHERE TABLE_SCHEMA = 'guanxi_v9_migration' AND TABLE_NAME = 'decision_rule'"));
            assertEquals(List.of("PRIMARY", "ix_decision_record_customer", "uq_decision_record_decision_id",
                            "uq_decision_record_request_id", "uq_decision_record_seq"),
                    rows(c, "SELECT DISTINCT INDEX_NAME FROM information_schema.STATISTICS WHERE TABLE_SCHEMA ="
                            + " 'guanxi_v9_migration' AND TABLE_NAME = 'decision_record' ORDER BY BINARY INDEX_NAME"));
            c.createStatement().execute("DROP DATABASE guanxi_v9_migration");
        }
    }

    private static void migrate(String url, EmbeddedMariaDb server, String version) {
        Flyway.configure().dataSource(url, server.username(), server.password()).target(version).load().migrate();
    }

    private static void record(Connection c, long id, Long seq, String tier) throws SQLException {
        AuditDatabase.update(c, "INSERT INTO decision_record (id, seq, decision_id, customer_id, ruleset_version,"
                + " cooperation_stage, transition, lifecycle_stage, tier, relationship_type, input_json, decided_at,"
                + " evaluation_micros) VALUES (?, ?, UUID(), 'MIGRATED', 'v', 'INITIAL', 'FIRST', 'EXPLORATION', ?,"
                + " 'BASIC', '{}', '2026-12-01 00:00:00', 1)", id, seq, tier);
    }

    private static List<String> rows(Connection c, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                rows.add(r.getString(1));
            }
        }
        return rows;
    }
}
