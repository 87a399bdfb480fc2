package io.guanxi.advice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guanxi.customer.CustomerLocks;
import io.guanxi.facts.input.AdviceRequest;
import io.guanxi.facts.input.AdviceRequestValidator;
import io.guanxi.testing.AuditDatabase;
import io.guanxi.testing.Poll;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Single advice is decided in groups by a few decider threads. What queued while a decider was busy
 * forms its next group; a customer's second request in it waits for the group after, so that one
 * customer's requests are decided one after the other, in the order they came, each seeing the one
 * before. Against the real rules and the embedded database; a decider is held up on a customer lock
 * the test owns, so that its queue fills before it takes it.
 */
@MicronautTest(transactional = false)
class AdviceDecidersTest {

    private static final int NEVER_DONE_SECONDS = 60;

    @Inject
    AdviceService service;
    @Inject
    CustomerLocks locks;
    @Inject
    JsonMapper json;

    @Test
    void aCustomersRequestsQueuedTogetherAreDecidedInTurnEachSeeingTheOneBefore() throws Exception {
        String blocker = AdviceApi.uniqueCustomer("DECIDERS-BLOCK");
        String customer = AdviceApi.uniqueCustomer("DECIDERS");
        String other = AdviceApi.uniqueCustomer("DECIDERS-OTHER");
        AdviceDeciders deciders = new AdviceDeciders(service, 1, AdviceDeciders.GROUP * 4);
        try {
            List<CompletableFuture<AdviceResponse>> answers = new ArrayList<>();
            CompletableFuture<AdviceResponse> held = whileHeld(blocker, deciders, () -> {
                for (double share : new double[] {0.0, 0.3, 0.55, 0.85}) {
                    answers.add(deciders.advise(request(customer, share)));
                }
                answers.add(deciders.advise(request(other, 0.3)));
            });

            assertEquals(blocker, held.get(NEVER_DONE_SECONDS, TimeUnit.SECONDS).customerId());
            AdviceResponse previous = null;
            for (CompletableFuture<AdviceResponse> answer : answers.subList(0, 4)) {
                AdviceResponse now = answer.get(NEVER_DONE_SECONDS, TimeUnit.SECONDS);
                if (previous == null) {
                    assertNull(now.previousCooperationStage());
                    assertEquals("NEW", now.transition());
                } else {
                    assertEquals(previous.cooperationStage().code(), now.previousCooperationStage().code(),
                            "each request is judged against the state the one before it stored");
                    assertTrue(Instant.parse(now.decidedAt()).compareTo(Instant.parse(previous.decidedAt())) >= 0);
                }
                previous = now;
            }
            try (Connection c = AuditDatabase.connect()) {
                assertEquals(previous.decisionId(), AuditDatabase.text(c,
                        "SELECT last_decision_id FROM customer_state WHERE customer_id = ?", customer),
                        "the last request queued is the last decided");
                assertEquals("4", AuditDatabase.text(c, "SELECT COUNT(*) FROM decision_record WHERE customer_id = ?",
                        customer));
            }
            assertEquals(other, answers.get(4).get(NEVER_DONE_SECONDS, TimeUnit.SECONDS).customerId());
        } finally {
            deciders.close();
        }
    }

    @Test
    void closingDecidesWhatIsQueuedAndRefusesWhatComesAfter() throws Exception {
        String blocker = AdviceApi.uniqueCustomer("DECIDERS-BLOCK");
        AdviceDeciders deciders = new AdviceDeciders(service, 1, AdviceDeciders.GROUP * 4);
        List<CompletableFuture<AdviceResponse>> queued = new ArrayList<>();
        CompletableFuture<Void> closed = new CompletableFuture<>();
        CompletableFuture<AdviceResponse> held = whileHeld(blocker, deciders, () -> {
            for (int i = 0; i < 3; i++) {
                queued.add(deciders.advise(request(AdviceApi.uniqueCustomer("DECIDERS-CLOSE"), 0.3)));
            }
            CompletableFuture.runAsync(() -> {
                deciders.close();
                closed.complete(null);
            });
            awaitRefusal(deciders);
            assertFalse(closed.isDone(), "closing waits for the requests queued");
        });

        closed.get(NEVER_DONE_SECONDS, TimeUnit.SECONDS);
        assertTrue(held.isDone());
        assertEquals(DecisionUnavailableException.Reason.SHUTTING_DOWN, refusal(deciders.advise(
                request(AdviceApi.uniqueCustomer("AFTER"), 0.3))).reason());
        for (CompletableFuture<AdviceResponse> answer : queued) {
            assertTrue(answer.isDone(), "every queued request is answered before the deciders stop");
            assertEquals(36, answer.get().decisionId().length());
        }
    }

    @Test
    void aCustomerWithManyRequestsWaitingTakesTurnsWithTheOthers() throws Exception {
        String blocker = AdviceApi.uniqueCustomer("DECIDERS-BLOCK");
        String busy = AdviceApi.uniqueCustomer("DECIDERS-BUSY");
        String other = AdviceApi.uniqueCustomer("DECIDERS-QUIET");
        AdviceDeciders deciders = new AdviceDeciders(service, 1, AdviceDeciders.GROUP * 4);
        try {
            List<CompletableFuture<AdviceResponse>> busyAnswers = new ArrayList<>();
            List<CompletableFuture<AdviceResponse>> otherAnswer = new ArrayList<>();
            whileHeld(blocker, deciders, () -> {
                // As many requests of one customer as it may have waiting, then one of another customer.
                for (int i = 0; i < AdviceDeciders.PER_CUSTOMER; i++) {
                    busyAnswers.add(deciders.advise(request(busy, 0.3)));
                }
                otherAnswer.add(deciders.advise(request(other, 0.3)));
            }).get(NEVER_DONE_SECONDS, TimeUnit.SECONDS);
            String otherDecision = decided(otherAnswer).get(0).decisionId();
            List<AdviceResponse> busyDecided = decided(busyAnswers);
            try (Connection c = AuditDatabase.connect()) {
                assertTrue(seqOf(c, otherDecision) < seqOf(c, busyDecided.get(1).decisionId()),
                        "the quiet customer is decided in the first group, with the busy one's first request,"
                                + " not after all of the busy customer's requests");
                long previous = 0;
                for (AdviceResponse answer : busyDecided) {
                    long seq = seqOf(c, answer.decisionId());
                    assertTrue(seq > previous, "the busy customer's requests are decided in the order they came");
                    previous = seq;
                }
                assertEquals(busyDecided.get(busyDecided.size() - 1).decisionId(), AuditDatabase.text(c,
                        "SELECT last_decision_id FROM customer_state WHERE customer_id = ?", busy));
            }
        } finally {
            deciders.close();
        }
    }

    @Test
    void aDeciderHoldingMoreThanItsQueueRefusesAtOnceAndDecidesWhatItTook() throws Exception {
        String blocker = AdviceApi.uniqueCustomer("DECIDERS-BLOCK");
        AdviceDeciders deciders = new AdviceDeciders(service, 1, AdviceDeciders.GROUP);
        try {
            List<CompletableFuture<AdviceResponse>> taken = new ArrayList<>();
            List<CompletableFuture<AdviceResponse>> refused = new ArrayList<>();
            whileHeld(blocker, deciders, () -> {
                // The request held up counts: it is taken and not yet answered.
                for (int i = 1; i < AdviceDeciders.GROUP; i++) {
                    taken.add(deciders.advise(request(AdviceApi.uniqueCustomer("DECIDERS-FULL"), 0.3)));
                }
                refused.add(deciders.advise(request(AdviceApi.uniqueCustomer("DECIDERS-FULL"), 0.3)));
                assertEquals(DecisionUnavailableException.Reason.OVERLOADED, refusal(refused.get(0)).reason());
            }).get(NEVER_DONE_SECONDS, TimeUnit.SECONDS);
            decided(taken);
            // Room again, for a whole queue, once they are answered.
            List<CompletableFuture<AdviceResponse>> again = new ArrayList<>();
            for (int i = 0; i < AdviceDeciders.GROUP; i++) {
                again.add(deciders.advise(request(AdviceApi.uniqueCustomer("DECIDERS-AGAIN"), 0.3)));
            }
            decided(again);
        } finally {
            deciders.close();
        }
    }

    @Test
    void oneCustomerCannotFillADecidersQueue() throws Exception {
        String blocker = AdviceApi.uniqueCustomer("DECIDERS-BLOCK");
        String busy = AdviceApi.uniqueCustomer("DECIDERS-FLOOD");
        AdviceDeciders deciders = new AdviceDeciders(service, 1, AdviceDeciders.GROUP * 4);
        try {
            List<CompletableFuture<AdviceResponse>> taken = new ArrayList<>();
            whileHeld(blocker, deciders, () -> {
                for (int i = 0; i < AdviceDeciders.PER_CUSTOMER; i++) {
                    taken.add(deciders.advise(request(busy, 0.3)));
                }
                DecisionUnavailableException refused = refusal(deciders.advise(request(busy, 0.3)));
                assertEquals(DecisionUnavailableException.Reason.OVERLOADED, refused.reason());
                assertTrue(refused.getMessage().contains(busy), refused.getMessage());
                taken.add(deciders.advise(request(AdviceApi.uniqueCustomer("DECIDERS-QUIET"), 0.3)));
                assertFalse(taken.get(taken.size() - 1).isDone(), "another customer is still taken");
            }).get(NEVER_DONE_SECONDS, TimeUnit.SECONDS);
            decided(taken);
        } finally {
            deciders.close();
        }
    }

    @Test
    void whileOneDeciderWaitsForACustomerTheOthersDecideTheRestAndLeaveThatCustomerAlone() throws Exception {
        String blocker = AdviceApi.uniqueCustomer("DECIDERS-BLOCK");
        String other = AdviceApi.uniqueCustomer("DECIDERS-OTHER");
        AdviceDeciders deciders = new AdviceDeciders(service, 3, AdviceDeciders.GROUP * 4);
        try {
            List<CompletableFuture<AdviceResponse>> second = new ArrayList<>();
            CompletableFuture<AdviceResponse> first = whileHeld(blocker, deciders, () -> {
                second.add(deciders.advise(request(blocker, 0.55)));
                try {
                    // Taken with the blocker's second request, its group would wait for the lock too.
                    assertEquals(other, deciders.advise(request(other, 0.3))
                            .get(NEVER_DONE_SECONDS, TimeUnit.SECONDS).customerId(),
                            "another decider answers while one waits for a customer's lock");
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
                assertEquals(1, locks.waiting(blocker),
                        "no second decider takes a request of the customer whose request is being decided");
                assertFalse(second.get(0).isDone());
            });
            AdviceResponse answered = first.get(NEVER_DONE_SECONDS, TimeUnit.SECONDS);
            AdviceResponse after = second.get(0).get(NEVER_DONE_SECONDS, TimeUnit.SECONDS);
            assertEquals(answered.cooperationStage().code(), after.previousCooperationStage().code(),
                    "the second request sees the first");
            try (Connection c = AuditDatabase.connect()) {
                assertTrue(seqOf(c, answered.decisionId()) < seqOf(c, after.decisionId()));
            }
        } finally {
            deciders.close();
        }
    }

    /** Every answer, once it has come: each a committed decision, with its decision id. */
    private static List<AdviceResponse> decided(List<CompletableFuture<AdviceResponse>> answers) throws Exception {
        List<AdviceResponse> decided = new ArrayList<>(answers.size());
        for (CompletableFuture<AdviceResponse> answer : answers) {
            AdviceResponse response = answer.get(NEVER_DONE_SECONDS, TimeUnit.SECONDS);
            assertEquals(36, response.decisionId().length(), "a decision id");
            decided.add(response);
        }
        return decided;
    }

    private static long seqOf(Connection c, String decisionId) throws SQLException {
        return Long.parseLong(AuditDatabase.text(c, "SELECT seq FROM decision_record WHERE decision_id = ?",
                decisionId));
    }

    private static DecisionUnavailableException refusal(CompletableFuture<AdviceResponse> answer) {
        assertTrue(answer.isCompletedExceptionally(), "refused at once, not queued");
        ExecutionException refused = assertThrows(ExecutionException.class, answer::get);
        return assertInstanceOf(DecisionUnavailableException.class, refused.getCause());
    }

    /**
     * Runs {@code meanwhile} while the deciders' next group is stuck on a customer lock the test
     * holds; returns the answer of the request that got stuck.
     */
    private CompletableFuture<AdviceResponse> whileHeld(String blocker, AdviceDeciders deciders, Runnable meanwhile)
            throws Exception {
        try (HeldCustomer held = HeldCustomer.hold(locks, blocker)) {
            CompletableFuture<AdviceResponse> answer = deciders.advise(request(blocker, 0.3));
            // The decider has taken it and waits for the lock once nothing is queued any more.
            held.awaitWaiter();
            meanwhile.run();
            return answer;
        }
    }

    /** Waits until the deciders refuse new requests, as they do once closing. */
    private void awaitRefusal(AdviceDeciders deciders) {
        // A request queued before the close began is decided with the others.
        CompletableFuture<AdviceResponse> late = Poll.until("the deciders refuse a request once closing",
                Duration.ofSeconds(NEVER_DONE_SECONDS),
                () -> deciders.advise(request(AdviceApi.uniqueCustomer("LATE"), 0.3)),
                CompletableFuture::isCompletedExceptionally);
        ExecutionException refused = assertThrows(ExecutionException.class, late::get);
        assertTrue(refused.getCause() instanceof DecisionUnavailableException, refused::toString);
    }

    private AdviceRequest request(String customerId, double share) {
        Map<String, Object> body = AdviceApi.validRequest(customerId);
        body.put("purchaseShare", share);
        try {
            return AdviceRequestValidator.validate(json.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
