package io.guanxi.advice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.client.HttpClient;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    @Test
    void brokenRuleFileStopsTheStartNamingFileAndLine(@TempDir Path rules) throws IOException {
        try (Stream<Path> files = Files.list(Path.of("rules"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, rules.resolve(f.getFileName()));
            }
        }
        Files.writeString(rules.resolve("broken.drl"), "package guanxi;\n\nrule \"X-1 broken\"\nwhen\n    Nonsense(\nthen\nend\n");

        Exception e = assertThrows(Exception.class, () -> start(Map.of("guanxi.rules-dir", rules.toString())).close());

        String message = messages(e);
        assertTrue(message.contains(rules.resolve("broken.drl") + ":"), message);
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

    private static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}
