package io.guanxi.advice;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.client.HttpClient;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The service's memory is the database: state and records outlive the application. */
class RestartTest {

    @Test
    void stateAndRecordsSurviveARestart() {
        String customer = AdviceApi.uniqueCustomer("RESTART");
        String firstDecision;
        try (EmbeddedServer server = start(Map.of())) {
            AdviceApi.Reply first = api(server).advise(AdviceApi.validRequest(customer));
            assertEquals("INITIAL", first.body().get("cooperationStage").get("code").getStringValue());
            firstDecision = first.text("decisionId");
        }

        try (EmbeddedServer server = start(Map.of())) {
            Map<String, Object> next = AdviceApi.validRequest(customer);
            next.put("purchaseShare", 0.55);
            AdviceApi.Reply second = api(server).advise(next);

            assertEquals("ADVANCED", second.text("transition"));
            assertEquals("INITIAL", second.body().get("previousCooperationStage").get("code").getStringValue());
            assertEquals(200, api(server).get("/v1/decisions/" + firstDecision).status());
        }
    }

    private static EmbeddedServer start(Map<String, Object> properties) {
        Map<String, Object> all = new java.util.HashMap<>(properties);
        all.put("micronaut.server.port", -1);
        return ApplicationContext.run(EmbeddedServer.class, all, "test");
    }

    private static AdviceApi api(EmbeddedServer server) {
        return new AdviceApi(server.getApplicationContext().createBean(HttpClient.class, server.getURL()),
                server.getApplicationContext().getBean(JsonMapper.class));
    }
}
