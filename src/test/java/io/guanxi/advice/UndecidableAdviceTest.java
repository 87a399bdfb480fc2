package io.guanxi.advice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guanxi.rules.lifecycle.RulesWorkspace;
import io.guanxi.testing.TestFiles;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A live rule set that cannot decide a request is answered 500 problem+json that names the rules' defect. */
class UndecidableAdviceTest {

    @TempDir
    Path temp;

    @Test
    void ruleSetGivingTwoTiersIsAnswered500WithTheDefectAndNothingLogged() throws IOException {
        RulesWorkspace rules = new RulesWorkspace(temp);
        // The table's tier stands even when a cap applies: a capped customer gets two tiers.
        rules.edit("key-account-tier.drl", "RevenueTier($revenueTier: tier)\n    not KeyAccountTier()",
                "RevenueTier($revenueTier: tier)");
        TestFiles.deleteTree(rules.dir().resolve("tests"));
        try (EmbeddedServer server = rules.start(Map.of())) {
            Map<String, Object> request = AdviceApi.validRequest(AdviceApi.uniqueCustomer("UNDECIDED"));
            request.put("strategicIndustry", true);
            request.put("annualRevenue", 3_000_000);
            request.put("profitMargin", -0.1);

            AdviceApi.Reply reply = RulesWorkspace.api(server).advise(request);

            assertEquals(500, reply.status(), () -> String.valueOf(reply.body()));
            assertTrue(reply.contentType().startsWith("application/problem+json"));
            assertEquals("urn:guanxi:problem:internal-error", reply.text("type"));
            String detail = reply.text("detail");
            assertTrue(detail.startsWith("the live rule set could not decide: the rule set gave 2 different answers"
                    + " for the tier: ") && detail.endsWith("; nothing was logged"), detail);
        }
    }
}
