package io.guanxi.audit.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guanxi.advice.AdviceApi;
import io.guanxi.decisionlog.FiredRuleIds;
import io.guanxi.testing.AuditDatabase;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The audit indexer derives, from the chain, exactly the rows the audit filters read, resumes from
 * its last committed position, and says how far it is. Its schedule is off here: the tests move it.
 */
@MicronautTest(transactional = false)
@Property(name = "guanxi.audit.indexer.enabled", value = "false")
class DecisionIndexerTest {

    /** Joins each record {@code d} to the bitmap rows that have its bit: one row per rule indexed for it. */
    private static final String RULE_BITS = " JOIN decision_rule_bitmap b ON b.block = d.id DIV 64"
            + " AND (b.bits >> (d.id MOD 64)) & 1 = 1";

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    JsonMapper json;
    @Inject
    DecisionIndexer indexer;

    @Test
    void indexesEveryRecordUnderItsOwnRulesTierTransitionAndTime() throws Exception {
        String prefix = advisedInParallel("IDX", 48);
        indexer.catchUp();

        try (Connection c = AuditDatabase.connect();
             PreparedStatement s = c.prepareStatement("SELECT d.id, d.fired_rules, d.decision_json,"
                     + " d.tier = x.tier AND d.transition = x.transition AND d.decided_at = x.decided_at,"
                     + " GROUP_CONCAT(b.rule_id)"
                     + " FROM decision_record d LEFT JOIN decision_index x ON x.record_id = d.id" + RULE_BITS
                     + " WHERE d.customer_id LIKE ? GROUP BY d.id ORDER BY d.seq")) {
            s.setString(1, prefix + "-%");
            int records = 0;
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    records++;
                    long id = rows.getLong(1);
                    assertTrue(rows.getBoolean(4), "decision_index holds the tier, transition and time of record " + id);
                    assertEquals(new TreeSet<>(FiredRuleIds.of(rows.getString(2), rows.getString(3))),
                            new TreeSet<>(Set.of(rows.getString(5).split(","))), "the rule rows of record " + id);
                }
            }
            assertEquals(48, records);
        }
        assertEquals(headSeq(), indexer.position().seq(), "the indexes reach the head");
    }

    @Test
    void resumesFromItsLastCommittedPositionAndWritesNothingTwice() throws Exception {
        String prefix = advisedInParallel("RESUME", 12);
        indexer.catchUp();
        long head = headSeq();
        try (Connection c = AuditDatabase.connect()) {
            long ruleRows = count(c, "SELECT COUNT(*) FROM decision_record d" + RULE_BITS
                    + " WHERE d.customer_id LIKE '" + prefix + "-%'");
            // As if the last rounds had written part of their rows and never committed their position.
            AuditDatabase.update(c, "DELETE x FROM decision_index x JOIN decision_record d ON d.id = x.record_id"
                    + " WHERE d.customer_id LIKE ? AND d.seq > ?", prefix + "-%", head - 6);
            AuditDatabase.update(c, "UPDATE decision_indexer SET seq = ?", head - 12);

            assertEquals(12, indexer.catchUp(), "the records after the position are indexed again");
            assertEquals(head, indexer.position().seq());
            assertEquals(12, count(c, "SELECT COUNT(*) FROM decision_index x JOIN decision_record d"
                    + " ON d.id = x.record_id WHERE d.customer_id LIKE '" + prefix + "-%'"));
            assertEquals(ruleRows, count(c, "SELECT COUNT(*) FROM decision_record d" + RULE_BITS
                    + " WHERE d.customer_id LIKE '" + prefix + "-%'"));
        }
        assertEquals(0, indexer.catchUp(), "nothing is left to index");
    }

    @Test
    void headSaysHowFarTheIndexesReach() throws Exception {
        indexer.catchUp();
        advisedInParallel("HEAD", 3);
        JsonNode lagging = api().get("/v1/audit/head").body();
        JsonNode index = lagging.get("index");
        assertEquals(3, index.get("behind").getLongValue());
        assertEquals(lagging.get("seq").getLongValue() - 3, index.get("seq").getLongValue());

        indexer.catchUp();
        JsonNode caughtUp = api().get("/v1/audit/head").body();
        assertEquals(0, caughtUp.get("index").get("behind").getLongValue());
        assertEquals(caughtUp.get("seq").getLongValue(), caughtUp.get("index").get("seq").getLongValue());
        assertNotNull(caughtUp.get("index").get("indexedAt").getStringValue());
    }

    @Test
    void aRecordWhoseRulesCannotBeReadIsIndexedWithoutRulesAndStopsNothing() throws Exception {
        indexer.catchUp();
        String customer = AdviceApi.uniqueCustomer("UNREADABLE");
        String decision = api().advise(AdviceApi.validRequest(customer)).text("decisionId");
        try (Connection c = AuditDatabase.connect()) {
            String stored = AuditDatabase.text(c, "SELECT decision_json FROM decision_record WHERE decision_id = ?",
                    decision);
            AuditDatabase.update(c, "UPDATE decision_record SET decision_json = 'not a trace' WHERE decision_id = ?",
                    decision);
            try {
                advisedInParallel("AFTER-UNREADABLE", 2);
                assertEquals(3, indexer.catchUp());
                assertEquals(headSeq(), indexer.position().seq());
                assertEquals(0, count(c, "SELECT COUNT(*) FROM decision_record d" + RULE_BITS
                        + " WHERE d.decision_id = '" + decision + "'"));
            } finally {
                AuditDatabase.update(c, "UPDATE decision_record SET decision_json = ? WHERE decision_id = ?",
                        stored, decision);
            }
        }
    }

    private AdviceApi api() {
        return new AdviceApi(client, json);
    }

    /** {@code count} decisions for as many new customers of varied facts; returns their ids' prefix. */
    private String advisedInParallel(String name, int count) throws Exception {
        String prefix = AdviceApi.uniqueCustomer(name);
        AdviceApi api = api();
        AdviceApi.inParallel(count, i -> api.advise(AdviceApi.variedRequest(prefix + "-" + i, i)))
                .forEach(r -> assertEquals(200, r.status(), () -> String.valueOf(r.body())));
        return prefix;
    }

    private static long headSeq() throws SQLException {
        try (Connection c = AuditDatabase.connect()) {
            return Long.parseLong(AuditDatabase.text(c, "SELECT seq FROM decision_chain_head"));
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        return Long.parseLong(AuditDatabase.text(c, sql));
    }
}
