package io.guanxi.advice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guanxi.customer.CustomerState;
import io.guanxi.customer.CustomerStateRepository;
import io.guanxi.decisionlog.chain.DecisionRecord;
import io.guanxi.decisionlog.chain.DecisionRecordRepository;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * Decisions for one customer form a chain: ordered by commit, each record's previous stage is the
 * stage the record before it decided — under parallel requests to one instance, and with a second
 * instance writing the same customer (where only the state's version check can keep the chain).
 */
@MicronautTest(transactional = false)
class ConcurrentDecisionsTest {

    private static final double[] SHARES = {0.0, 0.3, 0.6, 0.9, 0.45, 0.1, 0.85};

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    JsonMapper json;
    @Inject
    DecisionRecordRepository decisions;
    @Inject
    CustomerStateRepository states;

    @Test
    void fiftyParallelRequestsForOneCustomerFormOneChain() throws Exception {
        AdviceApi api = new AdviceApi(client, json);
        String customer = AdviceApi.uniqueCustomer("CHAIN");

        List<AdviceApi.Reply> replies = AdviceApi.inParallel(50, i -> api.advise(request(customer, i)));

        replies.forEach(r -> assertEquals(200, r.status(), () -> String.valueOf(r.body())));
        assertEquals(1, replies.stream().filter(r -> "NEW".equals(r.text("transition"))).count(), "exactly one NEW");
        assertChain(customer, 50);
    }

    @Test
    void secondInstanceOnTheSameDatabaseCannotBreakTheChain() throws Exception {
        String customer = AdviceApi.uniqueCustomer("TWO");
        try (EmbeddedServer other = ApplicationContext.run(EmbeddedServer.class, Map.of("micronaut.server.port", -1), "test");
             HttpClient otherClient = other.getApplicationContext().createBean(HttpClient.class, other.getURL())) {
            AdviceApi here = new AdviceApi(client, json);
            AdviceApi there = new AdviceApi(otherClient, json);

            List<AdviceApi.Reply> replies = AdviceApi.inParallel(40,
                    i -> (i % 2 == 0 ? here : there).advise(request(customer, i)));

            long answered = replies.stream().filter(r -> r.status() == 200).count();
            replies.forEach(r -> assertTrue(r.status() == 200 || r.status() == 503, () -> here.write(r.body())));
            assertTrue(answered > 0);
            assertChain(customer, answered);
            AdviceApi.Reply verified = here.get("/v1/audit/verify");
            assertEquals(true, verified.body().get("ok").getBooleanValue(), "both instances extend one audit chain: "
                    + verified.body());
        }
    }

    @Test
    void twoInstancesAppendingForManyCustomersExtendOneChain() throws Exception {
        try (EmbeddedServer other = ApplicationContext.run(EmbeddedServer.class, Map.of("micronaut.server.port", -1), "test");
             HttpClient otherClient = other.getApplicationContext().createBean(HttpClient.class, other.getURL())) {
            AdviceApi here = new AdviceApi(client, json);
            AdviceApi there = new AdviceApi(otherClient, json);
            long before = here.get("/v1/audit/head").body().get("seq").getLongValue();

            List<AdviceApi.Reply> replies = AdviceApi.inParallel(60, i -> (i % 2 == 0 ? here : there)
                    .advise(request(AdviceApi.uniqueCustomer("FORK"), i)));

            replies.forEach(r -> assertEquals(200, r.status(), () -> String.valueOf(r.body())));
            AdviceApi.Reply verified = here.get("/v1/audit/verify?from=" + (before + 1));
            assertEquals(true, verified.body().get("ok").getBooleanValue(), () -> verified.text("detail"));
            assertEquals(60, verified.body().get("count").getLongValue(), "no fork, no gap");
        }
    }

    private static Map<String, Object> request(String customer, int i) {
        Map<String, Object> body = AdviceApi.validRequest(customer);
        body.put("purchaseShare", SHARES[i % SHARES.length]);
        return body;
    }

    private void assertChain(String customer, long expectedRecords) {
        List<DecisionRecord> chain = decisions.findByCustomerIdOrderById(customer);
        assertEquals(expectedRecords, chain.size(), "one record per answered request");
        assertEquals(null, chain.get(0).previousStage());
        assertEquals("NEW", chain.get(0).transition());
        for (int k = 1; k < chain.size(); k++) {
            assertEquals(chain.get(k - 1).cooperationStage(), chain.get(k).previousStage(), "record " + k);
            assertTrue(!Objects.equals("NEW", chain.get(k).transition()));
        }
        CustomerState state = states.findById(customer).orElseThrow();
        DecisionRecord last = chain.get(chain.size() - 1);
        assertEquals(last.cooperationStage(), state.cooperationStage());
        assertEquals(last.decisionId(), state.lastDecisionId());
    }
}
