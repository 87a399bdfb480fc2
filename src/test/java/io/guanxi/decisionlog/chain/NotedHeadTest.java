package io.guanxi.decisionlog.chain;

import static io.guanxi.decisionlog.chain.ChainBreaksTest.breaks;
import static io.guanxi.decisionlog.chain.ChainBreaksTest.show;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guanxi.advice.AdviceApi;
import io.guanxi.testing.AuditDatabase;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A head an auditor noted earlier proves the log only grew: more decisions keep it valid, while a
 * cut-off tail with a rewritten head row, or a changed record at the noted seq, is caught even
 * where a plain verification of what is left passes.
 */
@MicronautTest(transactional = false)
class NotedHeadTest {

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    JsonMapper json;

    private AdviceApi api;
    private String customer;
    /** The head an auditor noted after three decisions: seq and hash. */
    private long seq;
    private String noted;

    @BeforeEach
    void threeDecisionsAndANotedHead() {
        api = new AdviceApi(client, json);
        customer = AdviceApi.uniqueCustomer("NOTED");
        for (int i = 0; i < 3; i++) {
            api.advise(AdviceApi.validRequest(customer));
        }
        AdviceApi.Reply head = api.get("/v1/audit/head");
        seq = head.body().get("seq").getLongValue();
        noted = seq + ":" + head.text("hash");
    }

    @Test
    void anUntouchedLogKeepsTheNotedHead() {
        AdviceApi.Reply result = since(noted);

        assertEquals(true, result.body().get("ok").getBooleanValue(), show(api, result));
        assertEquals(seq, result.body().get("from").getLongValue());
        assertEquals(seq, result.body().get("headSeq").getLongValue());
        assertEquals("0 ok 1 records, head " + noted.replace(':', ' '), AuditDatabase.command("verify", "--since", noted));
    }

    @Test
    void aLogThatGrewKeepsTheNotedHead() {
        api.advise(AdviceApi.validRequest(customer));
        api.advise(AdviceApi.validRequest(customer));

        AdviceApi.Reply result = since(noted.toUpperCase());

        assertEquals(true, result.body().get("ok").getBooleanValue(), show(api, result));
        assertEquals(seq + 2, result.body().get("headSeq").getLongValue());
        assertEquals(3, result.body().get("count").getLongValue(), "the noted record and the two after it");
    }

    @Test
    void aCutTailWithARewrittenHeadIsCaughtThoughWhatIsLeftVerifies() throws SQLException {
        AdviceApi.Reply plain;
        AdviceApi.Reply result;
        String cli;
        try (ChainTampering tamper = new ChainTampering()) {
            tamper.delete(seq).delete(seq - 1).rewriteHead(seq - 2, tamper.storedHash(seq - 2));
            plain = api.get("/v1/audit/verify?from=" + (seq - 2));
            result = since(noted);
            cli = AuditDatabase.command("verify", "--since", noted);
        }

        assertEquals(true, plain.body().get("ok").getBooleanValue(),
                "the cut is invisible without a noted head: " + show(api, plain));
        assertEquals(false, result.body().get("ok").getBooleanValue(), show(api, result));
        assertEquals(List.of(seq + " noted head lost"), breaks(result));
        String detail = "the log no longer contains the noted head " + seq + ": it has shrunk, its head is now " + (seq - 2);
        assertEquals(detail, result.text("detail"));
        assertEquals("1 broken at " + seq + ": noted head lost (" + detail + ")", cli.lines().findFirst().orElseThrow());
        assertTrue(cli.startsWith("1 "), cli);
        assertEquals(true, since(noted).body().get("ok").getBooleanValue(), "repaired");
    }

    @Test
    void anAlteredRecordAtTheNotedSeqIsCaught() throws SQLException {
        AdviceApi.Reply kept;
        try (ChainTampering tamper = new ChainTampering()) {
            tamper.alter(seq);
            kept = since(noted);
        }
        assertEquals(List.of(seq + " noted head lost"), breaks(kept), show(api, kept));
        assertEquals("record " + seq + " no longer has the noted hash: its content was altered", kept.text("detail"));
    }

    @Test
    void aRehashedRecordAtTheNotedSeqIsCaughtWithTheRewrittenHead() throws SQLException {
        AdviceApi.Reply rehashed;
        try (ChainTampering tamper = new ChainTampering()) {
            tamper.alterAndRehash(seq).rewriteHead(seq, tamper.storedHash(seq));
            rehashed = since(noted);
        }
        assertEquals(List.of(seq + " noted head lost"), breaks(rehashed), show(api, rehashed));
        assertEquals("record " + seq + " no longer has the noted hash: its stored hash was rewritten", rehashed.text("detail"));
    }

    @Test
    void malformedSinceAndItsCombinationWithARangeAreRefusedByName() {
        String hash = noted.substring(noted.indexOf(':') + 1);
        for (String bad : List.of("abc", "0:" + hash, "-1:" + hash, seq + ":" + hash.substring(1), seq + ":" + hash + "0",
                seq + ":" + hash.replace(hash.charAt(0), 'g'), seq + "", hash)) {
            AdviceApi.Reply reply = api.get("/v1/audit/verify?since=" + bad);
            assertEquals(400, reply.status(), bad);
            assertEquals("since", reply.body().get("errors").get(0).get("field").getStringValue(), bad);
        }
        AdviceApi.Reply combined = api.get("/v1/audit/verify?from=1&since=" + noted);
        assertEquals(400, combined.status());
        assertEquals("since", combined.body().get("errors").get(0).get("field").getStringValue());
        assertEquals("2 --since must be " + NotedHead.FORMAT + "\n"
                + "usage: guanxi audit verify [--from N] [--to N] [--since SEQ:HASH] [--limit N]",
                AuditDatabase.command("verify", "--since", "0:" + hash));
    }

    private AdviceApi.Reply since(String head) {
        return api.get("/v1/audit/verify?since=" + head);
    }
}
