package io.guanxi.decisionlog.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guanxi.advice.AdviceApi;
import io.guanxi.testing.AuditDatabase;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A verification shows the whole extent of a tampering: every break in the range with its seq, the
 * walk going on after each, a bounded list with the true total, and bad parameters named.
 */
@MicronautTest(transactional = false)
class ChainBreaksTest {

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    JsonMapper json;

    private AdviceApi api;
    private long first;
    private long last;

    @BeforeEach
    void sixDecisionsAtTheHead() throws SQLException {
        api = new AdviceApi(client, json);
        long[] seqs = ChainTampering.freshRecords(api, "BREAKS", 6);
        first = seqs[0];
        last = seqs[5];
    }

    @Test
    void everyAlteredDeletedAndHeadBreakIsReportedWithItsSeq() throws SQLException {
        AdviceApi.Reply result;
        String cli;
        try (ChainTampering tamper = new ChainTampering()) {
            tamper.alter(first + 1).delete(first + 2).alter(first + 4).rewriteHead(last, "f".repeat(64));
            result = api.get("/v1/audit/verify?from=" + first);
            cli = AuditDatabase.command("verify", "--from", String.valueOf(first));
        }

        assertEquals(List.of((first + 1) + " altered content", (first + 2) + " missing record",
                (first + 4) + " altered content", last + " head mismatch"), breaks(result), show(api, result));
        assertEquals(false, result.body().get("ok").getBooleanValue());
        assertEquals(4, result.body().get("breakCount").getLongValue());
        assertEquals(false, result.body().get("breaksTruncated").getBooleanValue());
        assertEquals(first + 1, result.body().get("brokenSeq").getLongValue(), "the first break, as before");
        assertEquals("altered content", result.text("reason"));
        assertEquals(5, result.body().get("count").getLongValue(), "the five records still stored were checked");
        assertEquals(String.join("\n", "1 broken at " + (first + 1) + ": altered content (its content does not match its hash)",
                "  " + (first + 1) + ": altered content (its content does not match its hash)",
                "  " + (first + 2) + ": missing record (no record " + (first + 2) + "; the next stored is " + (first + 3) + ")",
                "  " + (first + 4) + ": altered content (its content does not match its hash)",
                "  " + last + ": head mismatch (the stored head's hash differs from record " + last + "'s)",
                "4 breaks found"), cli);
        assertIntact();
    }

    @Test
    void aRunOfDeletedRecordsIsOneBreakAndTheWalkGoesOnAfterIt() throws SQLException {
        AdviceApi.Reply result;
        try (ChainTampering tamper = new ChainTampering()) {
            tamper.delete(first + 1).delete(first + 2).delete(first + 3).alterAndRehash(first + 4);
            result = verify(first, last, "");
        }

        assertEquals(List.of((first + 1) + "-" + (first + 3) + " missing record", last + " broken link"),
                breaks(result), show(api, result));
        assertIntact();
    }

    @Test
    void moreBreaksThanTheLimitGiveABoundedListAndTheTrueTotal() throws SQLException {
        AdviceApi.Reply result;
        String cli;
        try (ChainTampering tamper = new ChainTampering()) {
            for (long seq = first; seq <= last; seq++) {
                tamper.alter(seq);
            }
            result = verify(first, last, "&limit=2");
            cli = AuditDatabase.command("verify", "--from", String.valueOf(first), "--to", String.valueOf(last), "--limit", "2");
        }

        assertEquals(List.of(first + " altered content", (first + 1) + " altered content"), breaks(result), show(api, result));
        assertEquals(6, result.body().get("breakCount").getLongValue());
        assertEquals(true, result.body().get("breaksTruncated").getBooleanValue());
        List<String> lines = cli.lines().toList();
        assertEquals(4, lines.size(), cli);
        assertEquals("1 broken at " + first + ": altered content (its content does not match its hash)", lines.get(0));
        assertEquals("6 breaks found, the first 2 listed", lines.get(3));
        assertIntact();
    }

    @Test
    void aHeadRowSetBackOverStoredRecordsIsAHeadMismatch() throws SQLException {
        AdviceApi.Reply result;
        try (ChainTampering tamper = new ChainTampering()) {
            tamper.rewriteHead(last - 2, tamper.storedHash(last - 2));
            result = api.get("/v1/audit/verify?from=" + first);
        }

        assertEquals(List.of((last - 1) + "-" + last + " head mismatch"), breaks(result), show(api, result));
        assertEquals("records " + (last - 1) + " to " + last + " are stored after the stored head " + (last - 2),
                result.text("detail"));
        assertIntact();
    }

    @Test
    void anIntactRangeListsNoBreaks() {
        AdviceApi.Reply result = verify(first, last, "&limit=1");

        assertEquals(true, result.body().get("ok").getBooleanValue(), show(api, result));
        assertEquals(List.of(), breaks(result));
        assertEquals(0, result.body().get("breakCount").getLongValue());
    }

    @Test
    void badLimitFromAndToAreRefusedByName() {
        assertRefused("limit=0", "limit");
        assertRefused("limit=1001", "limit");
        assertRefused("limit=ten", "limit");
        assertRefused("from=0", "from");
        assertRefused("from=5&to=4", "to");
        assertEquals("2 --limit must be an integer from 1 to 1000\n"
                + "usage: guanxi audit verify [--from N] [--to N] [--since SEQ:HASH] [--limit N]",
                AuditDatabase.command("verify", "--limit", "0"));
    }

    private void assertRefused(String query, String parameter) {
        AdviceApi.Reply reply = api.get("/v1/audit/verify?" + query);
        assertEquals(400, reply.status(), query);
        assertEquals("application/problem+json", reply.contentType(), query);
        assertEquals(parameter, reply.body().get("errors").get(0).get("field").getStringValue(), query);
    }

    private void assertIntact() {
        AdviceApi.Reply result = api.get("/v1/audit/verify?from=" + first);
        assertTrue(result.body().get("ok").getBooleanValue(), () -> "repaired: " + show(api, result));
    }

    /** Each listed break as {@code "seq reason"}, or {@code "seq-lastSeq reason"} for a run. */
    static List<String> breaks(AdviceApi.Reply result) {
        List<String> found = new ArrayList<>();
        for (JsonNode b : result.body().get("breaks").values()) {
            long seq = b.get("seq").getLongValue();
            long lastSeq = b.get("lastSeq").getLongValue();
            found.add((seq == lastSeq ? String.valueOf(seq) : seq + "-" + lastSeq) + " " + b.get("reason").getStringValue());
        }
        return found;
    }

    static String show(AdviceApi api, AdviceApi.Reply reply) {
        return reply.status() + " " + api.write(reply.body());
    }

    private AdviceApi.Reply verify(long from, long to, String more) {
        return api.get("/v1/audit/verify?from=" + from + "&to=" + to + more);
    }
}
