package io.guanxi.decisionlog.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guanxi.advice.AdviceApi;
import io.guanxi.customer.CustomerStateRepository;
import io.guanxi.customer.StateChange;
import io.guanxi.decisionlog.AppendResult;
import io.guanxi.decisionlog.DecisionLogUnavailableException;
import io.guanxi.decisionlog.chain.ChainHead;
import io.guanxi.decisionlog.chain.DecisionRecord;
import io.guanxi.decisionlog.chain.DecisionRecordRepository;
import io.guanxi.testing.AuditDatabase;
import io.guanxi.testing.Poll;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/**
 * The appender commits many decisions per transaction; inside a batch a moved state or a taken
 * requestId fails only its own decision, and a batch that cannot be written fails all of its
 * decisions and leaves nothing behind.
 */
@MicronautTest(transactional = false)
class GroupCommitTest {

    @Inject
    GroupCommitAppender appender;
    @Inject
    DecisionRecordRepository records;
    @Inject
    CustomerStateRepository states;
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    JsonMapper json;

    @Test
    void conflictsInABatchFailOnlyTheirOwnDecision() throws Exception {
        String known = committed(pending(AdviceApi.uniqueCustomer("GC"), null, null));
        String storedRequest = AdviceApi.uniqueCustomer("req");
        committed(pending(AdviceApi.uniqueCustomer("GC"), null, storedRequest));
        String shared = AdviceApi.uniqueCustomer("req");
        List<PendingDecision> batch = List.of(
                pending(AdviceApi.uniqueCustomer("GC"), null, null),
                pending(known, 7L, null),
                pending(AdviceApi.uniqueCustomer("GC"), null, shared),
                pending(AdviceApi.uniqueCustomer("GC"), null, shared),
                pending(AdviceApi.uniqueCustomer("GC"), null, storedRequest),
                pending(AdviceApi.uniqueCustomer("GC"), null, null));

        List<CompletableFuture<AppendResult>> results = asOneBatch(batch);

        List<AppendResult> expected = List.of(AppendResult.COMMITTED, AppendResult.STATE_MOVED,
                AppendResult.COMMITTED, AppendResult.REQUEST_ID_TAKEN, AppendResult.REQUEST_ID_TAKEN,
                AppendResult.COMMITTED);
        for (int i = 0; i < batch.size(); i++) {
            String customer = batch.get(i).state().customerId();
            boolean committed = expected.get(i) == AppendResult.COMMITTED;
            assertEquals(expected.get(i), results.get(i).join(), "decision " + i);
            assertEquals(committed, records.findByDecisionId(batch.get(i).record().decisionId()).isPresent());
            assertEquals(committed || customer.equals(known), states.findById(customer).isPresent());
        }
        long firstSeq = seq(batch.get(0));
        assertEquals(firstSeq + 1, seq(batch.get(2)), "one batch, sealed in order without gaps");
        assertEquals(firstSeq + 2, seq(batch.get(5)));
    }

    @Test
    void failedBatchRefusesAllItsDecisionsAndKeepsNothing() throws Exception {
        String a = AdviceApi.uniqueCustomer("GC");
        String b = AdviceApi.uniqueCustomer("GC");
        committed(pending(a, null, null));
        committed(pending(b, null, null));
        long refusedBefore = appender.refused();
        List<PendingDecision> batch = List.of(pending(a, 0L, null), pending(b, 0L, null),
                pending(AdviceApi.uniqueCustomer("REFUSE"), null, null));

        List<CompletableFuture<AppendResult>> results;
        try (Connection c = AuditDatabase.connect()) {
            RefusingTrigger.create(c);
            try {
                results = asOneBatch(batch);
                results.forEach(r -> assertInstanceOf(DecisionLogUnavailableException.class,
                        assertThrowsCompletion(r)));
            } finally {
                RefusingTrigger.drop(c);
            }
        }

        assertEquals(refusedBefore + 3, appender.refused());
        for (PendingDecision d : batch) {
            assertTrue(records.findByDecisionId(d.record().decisionId()).isEmpty());
        }
        assertEquals(0, states.findById(a).orElseThrow().version(), "the state update was rolled back");
        assertEquals(0, states.findById(b).orElseThrow().version());
        assertTrue(states.findById(batch.get(2).state().customerId()).isEmpty());
    }

    @Test
    void refusedDecisionIsA503AndCounted() throws SQLException {
        AdviceApi api = new AdviceApi(client, json);
        String customer = AdviceApi.uniqueCustomer("REFUSE");
        long refusedBefore = api.get("/v1/audit/head").body().get("refusedDecisions").getLongValue();
        AdviceApi.Reply reply;
        try (Connection c = AuditDatabase.connect()) {
            RefusingTrigger.create(c);
            try {
                reply = api.advise(AdviceApi.validRequest(customer));
            } finally {
                RefusingTrigger.drop(c);
            }
        }

        assertEquals(503, reply.status());
        assertTrue(reply.contentType().startsWith("application/problem+json"));
        assertEquals(0, records.countByCustomerId(customer));
        assertTrue(states.findById(customer).isEmpty());
        assertEquals(refusedBefore + 1, api.get("/v1/audit/head").body().get("refusedDecisions").getLongValue());
    }

    /**
     * Holds the chain head's lock so that the appender's current batch waits, queues the decisions
     * behind it, then lets go: the queued decisions form the next batch together.
     */
    private List<CompletableFuture<AppendResult>> asOneBatch(List<PendingDecision> batch) throws Exception {
        try (Connection c = AuditDatabase.connect()) {
            c.setAutoCommit(false);
            ChainHead.read(c, true);
            CompletableFuture<AppendResult> blocker = CompletableFuture.supplyAsync(
                    () -> appender.append(pending(AdviceApi.uniqueCustomer("GC"), null, null)));
            LockedState.awaitWaiting(c, "decision_chain_head");
            List<CompletableFuture<AppendResult>> results = new ArrayList<>();
            for (PendingDecision d : batch) {
                results.add(CompletableFuture.supplyAsync(() -> appender.append(d)));
                awaitQueued(results.size());
            }
            c.rollback();
            assertEquals(AppendResult.COMMITTED, blocker.join());
            return results;
        }
    }

    private void awaitQueued(int count) {
        Poll.until(count + " decision(s) queued", Duration.ofSeconds(5), appender::queued, queued -> queued == count);
    }

    private String committed(PendingDecision d) {
        assertEquals(AppendResult.COMMITTED, appender.append(d));
        return d.state().customerId();
    }

    private long seq(PendingDecision d) {
        return records.findByDecisionId(d.record().decisionId()).orElseThrow().seq();
    }

    private static Throwable assertThrowsCompletion(CompletableFuture<?> f) {
        try {
            f.join();
        } catch (CompletionException e) {
            return e.getCause();
        }
        throw new AssertionError("the decision was not refused");
    }

    static PendingDecision pending(String customer, Long expectedVersion, String requestId) {
        String decisionId = UUID.randomUUID().toString();
        LocalDateTime now = LocalDateTime.now().truncatedTo(ChronoUnit.MILLIS);
        DecisionRecord record = DecisionRecord.unsealed(decisionId, customer, requestId, "sha256:test", null,
                "INITIAL", "NEW", "FORMATION", "STANDARD", "TRANSACTIONAL", "{\"customerId\":\"" + customer + "\"}",
                "{}", "[]", now, 1, "[]", null);
        return new PendingDecision(record, new StateChange(customer, expectedVersion, "INITIAL", "0.3", decisionId, now));
    }
}
