package io.guanxi.rules.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guanxi.advice.AdviceApi;
import io.guanxi.platform.db.EmbeddedMariaDb;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** At start-up the same gate applies: broken rules on disk never go live. */
class RuleSetStartupTest {

    private static final String BROKEN = "package guanxi;\n\nrule \"X-1 broken\"\nwhen\n    Nonsense(\nthen\nend\n";

    @Test
    void brokenRulesOnDiskStartOnTheLastLiveVersionAndSaySo(@TempDir Path temp) {
        RulesWorkspace good = new RulesWorkspace(temp.resolve("good"));
        good.start(Map.of()).close();
        RulesWorkspace broken = new RulesWorkspace(temp.resolve("broken"));
        broken.write("broken.drl", BROKEN);

        try (EmbeddedServer server = broken.start(Map.of())) {
            AdviceApi api = RulesWorkspace.api(server);
            AdviceApi.Reply ruleset = api.get("/v1/ruleset");

            assertEquals("STARTUP_FALLBACK", ruleset.text("how"));
            assertTrue(ruleset.text("warning").contains("failed at start-up"));
            JsonNode failure = ruleset.body().get("lastFailure");
            assertEquals("STARTUP", failure.get("how").getStringValue());
            assertTrue(failure.get("errors").get(0).getStringValue()
                    .startsWith(broken.dir().resolve("broken.drl") + ":7:"), api.write(failure));
            assertEquals(200, api.advise(AdviceApi.validRequest(AdviceApi.uniqueCustomer("FALLBACK"))).status());
        }
    }

    @Test
    void brokenRulesWithNoEarlierVersionRefuseToStartNamingFileAndLine(@TempDir Path temp) {
        RulesWorkspace broken = new RulesWorkspace(temp);
        broken.write("broken.drl", BROKEN);
        EmbeddedMariaDb server = EmbeddedMariaDb.startIn(Path.of("target/test-data"));
        String freshDatabase = server.jdbcUrl("fresh_" + UUID.randomUUID().toString().replace("-", ""));

        Exception e = assertThrows(Exception.class, () -> broken.start(Map.of(
                "datasources.default.url", freshDatabase,
                "datasources.default.username", server.username(),
                "datasources.default.password", server.password())).close());

        StringBuilder messages = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
        }
        assertTrue(messages.toString().contains(temp.resolve("broken.drl") + ":7:"), messages.toString());
    }
}
