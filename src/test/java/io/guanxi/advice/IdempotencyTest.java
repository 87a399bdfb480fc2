package io.guanxi.advice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guanxi.customer.CustomerStateRepository;
import io.guanxi.decisionlog.chain.DecisionRecordRepository;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A repeated requestId returns the original decision; the same key for anything else is a conflict. */
@MicronautTest(transactional = false)
class IdempotencyTest {

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    JsonMapper json;
    @Inject
    DecisionRecordRepository decisions;
    @Inject
    CustomerStateRepository states;

    private AdviceApi api;
    private String customer;
    private Map<String, Object> request;

    @BeforeEach
    void setUp() {
        api = new AdviceApi(client, json);
        customer = AdviceApi.uniqueCustomer("IDEM");
        request = AdviceApi.validRequest(customer);
        request.put("requestId", AdviceApi.uniqueCustomer("req"));
    }

    @Test
    void repeatReturnsTheOriginalDecisionAndWritesNothing() {
        AdviceApi.Reply first = api.advise(request);
        long stateVersion = states.findById(customer).orElseThrow().version();

        AdviceApi.Reply repeat = api.advise(request);

        assertEquals(200, repeat.status());
        assertEquals(first.body(), repeat.body(), "same decision, same transition, same decidedAt");
        assertEquals(1, decisions.countByCustomerId(customer));
        assertEquals(stateVersion, states.findById(customer).orElseThrow().version());
    }

    @Test
    void sameFactsWrittenDifferentlyAreARepeat() {
        AdviceApi.Reply first = api.advise(request);
        String respelled = api.write(request).replace("\"purchaseShare\":0.3", "\"purchaseShare\":0.300")
                .replace("\"annualRevenue\":500000", "\"annualRevenue\":5.0E5");
        String withDefaults = respelled.substring(0, respelled.length() - 1)
                + ",\"openComplaints\":0,\"strategicIndustry\":false,\"satisfaction\":null}";

        AdviceApi.Reply repeat = api.postRaw(withDefaults, "application/json");

        assertEquals(200, repeat.status());
        assertEquals(first.text("decisionId"), repeat.text("decisionId"));
        assertEquals(1, decisions.countByCustomerId(customer));
    }

    @Test
    void sameRequestIdWithOtherFactsIsAConflict() {
        api.advise(request);
        request.put("purchaseShare", 0.31);

        AdviceApi.Reply conflict = api.advise(request);

        assertEquals(409, conflict.status());
        assertTrue(conflict.contentType().startsWith("application/problem+json"));
        assertEquals(1, decisions.countByCustomerId(customer));
    }

    @Test
    void sameRequestIdForAnotherCustomerIsAConflict() {
        api.advise(request);
        String other = AdviceApi.uniqueCustomer("IDEM");
        request.put("customerId", other);

        assertEquals(409, api.advise(request).status());
        assertEquals(0, decisions.countByCustomerId(other));
        assertTrue(states.findById(other).isEmpty());
    }

    @Test
    void simultaneousFirstUsesOfOneRequestIdMakeOneDecisionForBoth() throws Exception {
        int callers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<CompletableFuture<AdviceApi.Reply>> replies = java.util.stream.IntStream.range(0, callers)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                        await(start);
                        return api.advise(request);
                    }, pool))
                    .toList();
            start.countDown();
            String decisionId = replies.get(0).get().text("decisionId");
            for (CompletableFuture<AdviceApi.Reply> reply : replies) {
                assertEquals(200, reply.get().status());
                assertEquals(decisionId, reply.get().text("decisionId"));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, decisions.countByCustomerId(customer));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
