package io.guanxi.rules.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guanxi.advice.AdviceApi;
import io.micronaut.http.HttpRequest;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reload's impact check replays the log and may take a minute; a rollback is the way back from a
 * bad change and must not wait for it. The rollback goes first, and the reload that was being
 * checked meanwhile does not go live over it.
 */
class ReloadImpactCheckTest {

    @Test
    void aRollbackDoesNotWaitForAReloadsImpactCheckAndTheCheckedSetDoesNotGoLiveOverIt(@TempDir Path dir)
            throws Exception {
        RulesWorkspace rules = new RulesWorkspace(dir);
        try (EmbeddedServer server = rules.start(Map.of("guanxi.watch-rules", false, "test.hold-impact-check", true))) {
            AdviceApi api = RulesWorkspace.api(server);
            HeldImpactCheck held = server.getApplicationContext().getBean(HeldImpactCheck.class);
            String live = api.get("/v1/ruleset").text("version");
            rules.edit("cooperation-stage.drl", "// Business question:", "// Business question (edited):");

            CompletableFuture<AdviceApi.Reply> reload = CompletableFuture.supplyAsync(
                    () -> api.exchange(HttpRequest.POST("/v1/ruleset/reload", "")));
            held.awaitHeld();
            AdviceApi.Reply rollback = api.exchange(HttpRequest.POST("/v1/ruleset/rollback",
                    "{\"version\": \"" + live + "\"}"));
            assertEquals(200, rollback.status(), () -> api.write(rollback.body()));
            held.release();

            AdviceApi.Reply reloaded = reload.get(60, TimeUnit.SECONDS);
            assertEquals(409, reloaded.status(), () -> api.write(reloaded.body()));
            assertTrue(api.write(reloaded.body()).contains("changed while the impact"), () -> api.write(reloaded.body()));
            assertEquals(live, api.get("/v1/ruleset").text("version"), "the rollback stands");
            assertTrue(rules.read("cooperation-stage.drl").startsWith("// Business question:"),
                    "the rollback wrote its files back");
        }
    }
}
