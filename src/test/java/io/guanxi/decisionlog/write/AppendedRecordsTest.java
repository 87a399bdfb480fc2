package io.guanxi.decisionlog.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guanxi.advice.AdviceApi;
import io.guanxi.testing.AuditDatabase;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the appender stores for decisions made in parallel (so that they share batches): ids ascend
 * with seq, the head keeps the id of its record, and each decision was judged against its own
 * customer's stored state although the states were read together. (The audit indexes are derived
 * from the chain afterwards: {@code DecisionIndexerTest}.)
 */
@MicronautTest(transactional = false)
class AppendedRecordsTest {

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    JsonMapper json;

    /** A record's place in the audit chain. */
    private record Stored(long id, long seq) {
    }

    @Test
    void parallelDecisionsTakeIdsInChainOrder() throws Exception {
        AdviceApi api = new AdviceApi(client, json);
        String prefix = AdviceApi.uniqueCustomer("IDX");

        advisedInParallel(api, prefix, 48, 0);

        List<Stored> stored = stored(prefix);
        assertEquals(48, stored.size());
        for (int k = 0; k < stored.size(); k++) {
            Stored s = stored.get(k);
            assertTrue(k == 0 || s.id() > stored.get(k - 1).id(), "ids ascend with seq at record " + s.id());
        }
        try (Connection c = AuditDatabase.connect()) {
            assertEquals(AuditDatabase.text(c, "SELECT id FROM decision_record WHERE seq = (SELECT seq FROM"
                    + " decision_chain_head)"), AuditDatabase.text(c, "SELECT record_id FROM decision_chain_head"),
                    "the head keeps the id of its record");
        }
    }

    @Test
    void idOfADeletedLastRecordIsNotHandedOutAgain() throws SQLException {
        AdviceApi api = new AdviceApi(client, json);
        String decision = api.advise(AdviceApi.validRequest(AdviceApi.uniqueCustomer("GONE"))).text("decisionId");
        try (Connection c = AuditDatabase.connect()) {
            long id = Long.parseLong(AuditDatabase.text(c, "SELECT id FROM decision_record WHERE decision_id = ?",
                    decision));
            AuditDatabase.update(c, "CREATE TEMPORARY TABLE kept AS SELECT * FROM decision_record WHERE id = ?", id);
            AuditDatabase.update(c, "DELETE FROM decision_record WHERE id = ?", id);
            try {
                assertEquals(String.valueOf(id), AuditDatabase.text(c, AppendPosition.SELECT.replace("SELECT seq, hash, ",
                        "SELECT ")), "the tail still ends at the deleted record's id");
            } finally {
                AuditDatabase.update(c, "INSERT INTO decision_record SELECT * FROM kept");
            }
        }
        assertEquals(true, api.get("/v1/audit/verify").body().get("ok").getBooleanValue(), "repaired");
    }

    @Test
    void rowAtTheNextSeqStoredBehindTheServiceIsRefusedAtOnceAndNamed() throws SQLException {
        AdviceApi api = new AdviceApi(client, json);
        String decision = api.advise(AdviceApi.validRequest(AdviceApi.uniqueCustomer("AHEAD"))).text("decisionId");
        try (Connection c = AuditDatabase.connect()) {
            // A copy of the last record under the next seq and id, which the chain head does not name.
            AuditDatabase.update(c, "CREATE TEMPORARY TABLE ahead AS SELECT * FROM decision_record WHERE decision_id = ?",
                    decision);
            AuditDatabase.update(c, "UPDATE ahead SET id = id + 1, seq = seq + 1, decision_id = UUID()");
            AuditDatabase.update(c, "INSERT INTO decision_record SELECT * FROM ahead");
            String seq = AuditDatabase.text(c, "SELECT seq FROM ahead");
            try {
                AdviceApi.Reply refused = api.advise(AdviceApi.validRequest(AdviceApi.uniqueCustomer("AHEAD")));

                assertEquals(503, refused.status());
                assertTrue(refused.text("detail").contains("the chain cannot be extended after seq "
                        + (Long.parseLong(seq) - 1)), refused.text("detail"));
            } finally {
                AuditDatabase.update(c, "DELETE FROM decision_record WHERE seq = ?", seq);
            }
        }
        assertEquals(200, api.advise(AdviceApi.validRequest(AdviceApi.uniqueCustomer("AHEAD"))).status(),
                "the chain goes on once the row is gone");
        assertEquals(true, api.get("/v1/audit/verify").body().get("ok").getBooleanValue());
    }

    @Test
    void aStateDeletedWhileItsUpdateWaitsIsDecidedAgainNotLeftMissing() throws Exception {
        AdviceApi api = new AdviceApi(client, json);
        String customer = LockedState.decided(api, "DELETED");
        // The decision has read the state and its update waits for the row, which then goes.
        AdviceApi.Reply reply = LockedState.adviseWhileLocked(api, customer, 700L, holder -> {
            AuditDatabase.update(holder, "DELETE FROM customer_state WHERE customer_id = ?", customer);
            holder.commit();
        });

        assertEquals(200, reply.status(), () -> String.valueOf(reply.body()));
        assertEquals("NEW", reply.text("transition"), "decided again against no stored state");
        try (Connection c = AuditDatabase.connect()) {
            assertEquals(reply.text("decisionId"), AuditDatabase.text(c,
                    "SELECT last_decision_id FROM customer_state WHERE customer_id = ?", customer),
                    "the answered decision's state is stored");
        }
        assertEquals(2, LockedState.records(customer), "the first decision and the one answered; none half-written");
        assertEquals(true, api.get("/v1/audit/verify").body().get("ok").getBooleanValue());
    }

    @Test
    void decisionsReadTogetherAreEachJudgedAgainstTheirOwnState() throws Exception {
        AdviceApi api = new AdviceApi(client, json);
        String prefix = AdviceApi.uniqueCustomer("READ");
        List<AdviceApi.Reply> first = advisedInParallel(api, prefix, 32, 0);

        List<AdviceApi.Reply> second = advisedInParallel(api, prefix, 32, 1);

        for (int i = 0; i < 32; i++) {
            assertEquals(first.get(i).body().get("cooperationStage").get("code").getStringValue(),
                    second.get(i).body().get("previousCooperationStage").get("code").getStringValue(), "customer " + i);
        }
    }

    /** Customers prefix-0 … prefix-(count-1), advised all at once with facts varied by {@code shift}; every answer 200. */
    private static List<AdviceApi.Reply> advisedInParallel(AdviceApi api, String prefix, int count, int shift)
            throws Exception {
        List<AdviceApi.Reply> replies = AdviceApi.inParallel(count,
                i -> api.advise(AdviceApi.variedRequest(prefix + "-" + i, i + shift)));
        replies.forEach(r -> assertEquals(200, r.status(), () -> String.valueOf(r.body())));
        return replies;
    }


    private static List<Stored> stored(String customerPrefix) throws SQLException {
        List<Stored> stored = new ArrayList<>();
        try (Connection c = AuditDatabase.connect();
             PreparedStatement s = c.prepareStatement("SELECT id, seq FROM decision_record WHERE customer_id LIKE ?"
                     + " ORDER BY seq")) {
            s.setString(1, customerPrefix + "-%");
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    stored.add(new Stored(rows.getLong(1), rows.getLong(2)));
                }
            }
        }
        return stored;
    }
}
