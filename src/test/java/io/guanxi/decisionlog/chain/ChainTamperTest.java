package io.guanxi.decisionlog.chain;

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
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tampering behind the service's back is found and located: an altered output, a deleted record
 * and two swapped records. Each test repairs what it broke, so the shared chain stays whole.
 */
@MicronautTest(transactional = false)
class ChainTamperTest {

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    JsonMapper json;

    private AdviceApi api;
    private long first;
    private long last;

    @BeforeEach
    void fiveDecisions() throws SQLException {
        api = new AdviceApi(client, json);
        long[] seqs = ChainTampering.freshRecords(api, "TAMPER", 5);
        first = seqs[0];
        last = seqs[4];
    }

    @Test
    void intactRangeIsOk() {
        AdviceApi.Reply result = verify(first, last);

        assertEquals(true, result.body().get("ok").getBooleanValue());
        assertEquals(last - first + 1, result.body().get("count").getLongValue());
        assertEquals(last, result.body().get("headSeq").getLongValue());
    }

    @Test
    void alteredOutputCodeIsLocated() throws SQLException {
        long target = first + 2;
        try (Connection c = AuditDatabase.connect()) {
            String original = AuditDatabase.text(c, "SELECT decision_json FROM decision_record WHERE seq = ?", target);
            AuditDatabase.update(c, "UPDATE decision_record SET decision_json = ? WHERE seq = ?",
                    original.replace("\"INITIAL\"", "\"STABLE\""), target);
            try {
                assertBroken(target, "altered content");
                assertEquals("1 broken at " + target + ": altered content (its content does not match its hash)\n"
                        + "  " + target + ": altered content (its content does not match its hash)\n1 break found",
                        AuditDatabase.command("verify", "--from", String.valueOf(first), "--to", String.valueOf(last)));
            } finally {
                AuditDatabase.update(c, "UPDATE decision_record SET decision_json = ? WHERE seq = ?", original, target);
            }
        }
        assertEquals(true, verify(first, last).body().get("ok").getBooleanValue(), "repaired");
    }

    @Test
    void deletedRecordIsLocated() throws SQLException {
        long target = first + 1;
        try (Connection c = AuditDatabase.connect()) {
            AuditDatabase.update(c, "CREATE TEMPORARY TABLE kept AS SELECT * FROM decision_record WHERE seq = ?", target);
            AuditDatabase.update(c, "DELETE FROM decision_record WHERE seq = ?", target);
            try {
                assertBroken(target, "missing record");
            } finally {
                AuditDatabase.update(c, "INSERT INTO decision_record SELECT * FROM kept");
            }
        }
        assertEquals(true, verify(first, last).body().get("ok").getBooleanValue(), "repaired");
    }

    @Test
    void swappedRecordsAreLocated() throws SQLException {
        long a = first + 1;
        long b = first + 3;
        try (Connection c = AuditDatabase.connect()) {
            swap(c, a, b);
            try {
                assertBroken(a, "broken link");
            } finally {
                swap(c, a, b);
            }
        }
        assertEquals(true, verify(first, last).body().get("ok").getBooleanValue(), "repaired");
    }

    @Test
    void commandLineReportsTheSameAsTheEndpoint() {
        String hash = verify(first, last).text("headHash");

        assertEquals("0 ok " + (last - first + 1) + " records, head " + last + " " + hash,
                AuditDatabase.command("verify", "--from", String.valueOf(first), "--to", String.valueOf(last)));
    }

    @Test
    void wholeChainVerifiesUpToTheHead() {
        AdviceApi.Reply result = api.get("/v1/audit/verify");
        AdviceApi.Reply head = api.get("/v1/audit/head");

        assertEquals(true, result.body().get("ok").getBooleanValue(), () -> String.valueOf(result.body()));
        assertEquals(1, result.body().get("from").getLongValue());
        assertTrue(head.body().get("seq").getLongValue() >= result.body().get("headSeq").getLongValue());
        assertEquals(64, head.text("hash").length());
        assertEquals("database", head.text("mode"));
    }

    @Test
    void rangeBeyondTheHeadIsEmptyAndOk() {
        long head = api.get("/v1/audit/head").body().get("seq").getLongValue();

        AdviceApi.Reply result = verify(head + 5, head + 10);

        assertEquals(true, result.body().get("ok").getBooleanValue());
        assertEquals(0, result.body().get("count").getLongValue());
        assertEquals(400, api.get("/v1/audit/verify?from=0").status());
    }

    /** Exchanges the places of two records (seq is unique, hence the detour through 0). */
    private static void swap(Connection c, long a, long b) throws SQLException {
        AuditDatabase.update(c, "UPDATE decision_record SET seq = 0 WHERE seq = ?", a);
        AuditDatabase.update(c, "UPDATE decision_record SET seq = ? WHERE seq = ?", a, b);
        AuditDatabase.update(c, "UPDATE decision_record SET seq = ? WHERE seq = 0", b);
    }

    private void assertBroken(long seq, String reason) {
        AdviceApi.Reply result = verify(first, last);
        assertEquals(false, result.body().get("ok").getBooleanValue(), () -> String.valueOf(result.body()));
        assertEquals(seq, result.body().get("brokenSeq").getLongValue(), () -> String.valueOf(result.body()));
        assertEquals(reason, result.text("reason"));
    }

    private AdviceApi.Reply verify(long from, long to) {
        return api.get("/v1/audit/verify?from=" + from + "&to=" + to);
    }
}
