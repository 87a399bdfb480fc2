package io.guanxi.decisionlog.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.guanxi.advice.AdviceApi;
import io.guanxi.decisionlog.chain.DecisionRecordRepository;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The benchmark-only in-memory mode is off unless asked for, and says so on every response when on. */
class BenchmarkModeTest {

    @Test
    void inMemoryModeMarksEveryResponseAndWritesNothing() {
        String customer = AdviceApi.uniqueCustomer("BENCH");
        try (EmbeddedServer server = start(Map.of("guanxi.benchmark-in-memory", "true"));
             HttpClient client = server.getApplicationContext().createBean(HttpClient.class, server.getURL())) {
            HttpResponse<String> advice = client.toBlocking().exchange(
                    HttpRequest.POST("/v1/advice", "{\"customerId\":\"" + customer + "\",\"purchaseShare\":0.3,"
                            + "\"annualRevenue\":1,\"profitMargin\":0.1,\"revenueTrend\":0,\"orderCount12m\":1,"
                            + "\"tenureMonths\":1,\"segmentSize\":\"FEW\"}"), String.class);
            HttpResponse<String> head = client.toBlocking().exchange("/v1/audit/head", String.class);

            assertEquals("in-memory", advice.header(BenchmarkModeMarker.HEADER));
            assertEquals("in-memory", head.header(BenchmarkModeMarker.HEADER));
            assertEquals("in-memory", client.toBlocking().exchange("/health", String.class)
                    .header(BenchmarkModeMarker.HEADER));
            assertFalse(server.getApplicationContext().getBean(DecisionRecordRepository.class)
                    .findByCustomerIdOrderById(customer).iterator().hasNext(), "nothing in the database");
        }
    }

    @Test
    void databaseModeIsTheDefault() {
        try (EmbeddedServer server = start(Map.of());
             HttpClient client = server.getApplicationContext().createBean(HttpClient.class, server.getURL())) {
            HttpResponse<String> head = client.toBlocking().exchange("/v1/audit/head", String.class);

            assertEquals(null, head.header(BenchmarkModeMarker.HEADER));
            assertFalse(server.getApplicationContext().containsBean(InMemoryDecisionStore.class));
        }
    }

    private static EmbeddedServer start(Map<String, Object> properties) {
        Map<String, Object> all = new java.util.HashMap<>(properties);
        all.put("micronaut.server.port", -1);
        return ApplicationContext.run(EmbeddedServer.class, all, "test");
    }
}
