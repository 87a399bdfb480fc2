package io.guanxi.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guanxi.advice.AdviceApi;
import io.guanxi.rules.lifecycle.RulesWorkspace;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A deployment that gates reloads on impact refuses a change that would move the tier of more of
 * the recent decisions than it allows, with the same clarity as a failed scenario, and the old
 * rules keep serving.
 */
class ImpactGateTest {

    @Test
    void aReloadThatWouldChangeRecentTiersIsRefusedAndTheOldRulesKeepServing(@TempDir Path dir) {
        RulesWorkspace rules = new RulesWorkspace(dir);
        // A short period, so that few decisions but this test's are recent (a test run just before may
        // have left some: the count is at least this one); no change of tier is allowed.
        try (EmbeddedServer server = rules.start(Map.of("guanxi.watch-rules", false,
                "guanxi.reload-gate.max-tier-change-percent", "0", "guanxi.reload-gate.period", "5s"))) {
            AdviceApi api = RulesWorkspace.api(server);
            String live = api.get("/v1/ruleset").text("version");
            Map<String, Object> strategic = AdviceApi.validRequest(AdviceApi.uniqueCustomer("GATE"));
            strategic.put("annualRevenue", 6000000);
            strategic.put("purchaseShare", 0.62);
            assertEquals("STRATEGIC", api.advise(strategic).body().get("tier").get("code").getStringValue());

            // STRATEGIC from a revenue of 6.5M, the scenarios moved with it: the gate of a reload alone would pass.
            rules.edit("key-account-tier.drl", "annualRevenue >= 5000000", "annualRevenue >= 6500000");
            rules.edit("tests/key-account-tier.yaml", "annualRevenue: 5000000", "annualRevenue: 7000000");
            rules.edit("tests/relationship-type.yaml", "annualRevenue: 5000000", "annualRevenue: 7000000");
            AdviceApi.Reply reload = api.exchange(io.micronaut.http.HttpRequest.POST("/v1/ruleset/reload", ""));

            assertEquals(422, reload.status(), () -> api.write(reload.body()));
            JsonNode error = reload.body().get("errors").get(0);
            assertEquals("impact gate", error.get("field").getStringValue());
            assertTrue(error.get("message").getStringValue().matches(".*STRATEGIC -> KEY [1-9][0-9]*\\b.*"),
                    () -> api.write(error));
            assertEquals(live, api.get("/v1/ruleset").text("version"), "the old rules keep serving");
        }
    }
}
