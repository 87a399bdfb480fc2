package io.guanxi.rules.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guanxi.advice.AdviceApi;
import io.guanxi.testing.Poll;
import io.micronaut.http.HttpRequest;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An analyst's saved change goes live only through the gate, whole, and a failing one never does. */
class RuleSetReloadTest {

    private static final String STRATEGIC_LINE = "purchaseShare >= 0.80)";
    private static final String STABLE_LINE = "purchaseShare >= 0.50, purchaseShare < 0.80)";
    private static final String CALLBACK = "POST_SALE_CALLBACK,售后回访";
    private static final String RENAMED_CALLBACK = "POST_SALE_CALLBACK,售后电话回访";

    @TempDir
    Path temp;
    private RulesWorkspace rules;
    private EmbeddedServer server;
    private AdviceApi api;

    @BeforeEach
    void start() {
        rules = new RulesWorkspace(temp);
        server = rules.start(Map.of());
        api = RulesWorkspace.api(server);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void savedChangeGoesLiveByItself() {
        String before = ruleset().text("version");

        rules.edit("actions.csv", CALLBACK, RENAMED_CALLBACK);
        AdviceApi.Reply live = awaitRuleset(r -> !before.equals(r.text("version")));

        assertEquals("FILE_CHANGE", live.text("how"));
        AdviceApi.Reply advice = adviceFor(0.3);
        assertEquals(live.text("version"), advice.text("rulesetVersion"));
        assertEquals("售后电话回访", callbackLabel(advice));
    }

    @Test
    void temporaryFilesThatVanishWhileWatchingDoNotStopTheWatcher() throws Exception {
        String before = ruleset().text("version");
        long until = System.nanoTime() + 3_000_000_000L;
        while (System.nanoTime() < until) {
            // What an editor does on save, many times over: a temporary file appears and is gone a
            // moment later, while the watcher walks the folder after each event.
            for (int i = 0; i < 20; i++) {
                java.nio.file.Files.createTempFile(temp, ".save-" + i + "-", ".tmp");
            }
            try (var files = java.nio.file.Files.list(temp)) {
                for (java.nio.file.Path f : files.filter(f -> f.getFileName().toString().startsWith(".save-")).toList()) {
                    java.nio.file.Files.delete(f);
                }
            }
        }

        rules.edit("actions.csv", CALLBACK, RENAMED_CALLBACK);

        assertTrue(!before.equals(awaitRuleset(r -> !before.equals(r.text("version"))).text("version")));
    }

    @Test
    void changeThatBreaksAScenarioNeverGoesLiveAndNamesTheCase() {
        String before = ruleset().text("version");
        raiseStrategicShareTo("0.85");

        AdviceApi.Reply rejected = post("/v1/ruleset/reload", "");

        assertEquals(422, rejected.status());
        String errors = api.write(rejected.body().get("errors"));
        assertTrue(errors.contains("tests/cooperation-stage.yaml") && errors.contains("share 0.8 is STRATEGIC"), errors);
        assertEquals(before, ruleset().text("version"));
        assertEquals("STRATEGIC", stageFor(0.82));
        JsonNode kept = api.get("/v1/ruleset/failures").body().get("failures").get(0);
        assertEquals("API", kept.get("how").getStringValue(), "the attempt is kept, newest first");
        JsonNode refusedWith = rejected.body().get("errors");
        assertEquals(refusedWith.size(), kept.get("errors").size(), "with every error it was refused with");
        for (int i = 0; i < refusedWith.size(); i++) {
            String error = kept.get("errors").get(i).getStringValue();
            assertTrue(error.contains(refusedWith.get(i).get("message").getStringValue()), error);
        }
    }

    @Test
    void brokenSaveNeverGoesLiveAndIsReportedWithFileAndLine() {
        String before = ruleset().text("version");

        rules.edit("key-account-tier.drl", "CustomerFacts($profitMargin: profitMargin <= 0)",
                "CustomerFacts($profitMargin: profitMargn <= 0)");
        AdviceApi.Reply reply = awaitRuleset(r -> r.body().get("lastFailure") != null
                && !r.body().get("lastFailure").isNull());

        assertEquals(before, reply.text("version"), "the old set keeps serving");
        JsonNode failure = reply.body().get("lastFailure");
        assertEquals("FILE_CHANGE", failure.get("how").getStringValue());
        assertTrue(failure.get("errors").get(0).getStringValue().startsWith(temp.resolve("key-account-tier.drl") + ":"),
                api.write(failure));
        assertEquals(before, adviceFor(0.3).text("rulesetVersion"));
    }

    @Test
    void apiReloadOfUnchangedRulesIsANoOpAndOfBrokenRulesIs422() {
        String before = ruleset().text("version");
        AdviceApi.Reply same = post("/v1/ruleset/reload", "");
        assertEquals(200, same.status());
        assertEquals(before, same.text("version"));

        rules.write("broken.drl", "package guanxi;\nrule \"X-1\"\nwhen\n  Nope(\nthen\nend\n");
        AdviceApi.Reply rejected = post("/v1/ruleset/reload", "");

        assertEquals(422, rejected.status());
        assertTrue(rejected.contentType().startsWith("application/problem+json"));
        assertTrue(rejected.body().get("errors").get(0).get("field").getStringValue()
                .startsWith(temp.resolve("broken.drl") + ":"), api.write(rejected.body()));
        assertEquals(before, ruleset().text("version"));
    }

    @Test
    void everyLiveVersionIsKeptWithItsFilesAndCanBeRolledBackTo() {
        String original = ruleset().text("version");
        String originalText = rules.read("actions.csv");
        rules.edit("actions.csv", CALLBACK, RENAMED_CALLBACK);
        String changed = awaitRuleset(r -> !original.equals(r.text("version"))).text("version");

        AdviceApi.Reply versions = api.get("/v1/ruleset/versions");
        AdviceApi.Reply files = api.get("/v1/ruleset/versions/" + original);
        AdviceApi.Reply rolledBack = post("/v1/ruleset/rollback", "{\"version\":\"" + original + "\"}");

        String listed = api.write(versions.body());
        assertTrue(listed.contains(changed) && listed.contains(original), listed);
        assertEquals(200, files.status(), () -> String.valueOf(files.body()));
        assertTrue(api.write(files.body()).contains("COOP-040 share of 0.80 or more"));
        assertEquals(200, rolledBack.status(), () -> api.write(rolledBack.body()));
        assertEquals(original, rolledBack.text("version"));
        assertEquals("ROLLBACK", rolledBack.text("how"));
        assertEquals(originalText, rules.read("actions.csv"), "disk and service agree");
        assertEquals("售后回访", callbackLabel(adviceFor(0.3)));
    }

    @Test
    void anEarlierDecisionIsExplainedWithTheRulesThatMadeIt() {
        String original = ruleset().text("version");
        String before = adviceFor(0.85).text("decisionId");
        rules.edit("cooperation-stage.drl", "rule \"COOP-040 share of 0.80 or more -> STRATEGIC\"",
                "rule \"COOP-040 share of at least 0.80 -> STRATEGIC\"");
        awaitRuleset(r -> !original.equals(r.text("version")));
        String after = adviceFor(0.85).text("decisionId");

        String then = api.write(api.get("/v1/decisions/" + before + "/explanation").body());
        String now = api.write(api.get("/v1/decisions/" + after + "/explanation").body());

        assertTrue(then.contains("COOP-040 share of 0.80 or more -> STRATEGIC"), then);
        assertTrue(then.contains("COOP-040: share=0.85 >= 0.80"), then);
        assertTrue(!then.contains("at least"), then);
        assertTrue(now.contains("COOP-040 share of at least 0.80 -> STRATEGIC"), now);
    }

    @Test
    void rollbackToAnUnknownOrMalformedVersionChangesNothing() {
        String before = ruleset().text("version");

        AdviceApi.Reply unknown = post("/v1/ruleset/rollback", "{\"version\":\"sha256:" + "0".repeat(64) + "\"}");
        AdviceApi.Reply malformed = post("/v1/ruleset/rollback", "{\"version\":\"latest\"}");

        assertEquals(404, unknown.status());
        assertEquals(400, malformed.status());
        assertEquals("version", malformed.body().get("errors").get(0).get("field").getStringValue());
        assertEquals(before, ruleset().text("version"));
    }

    private void raiseStrategicShareTo(String share) {
        rules.edit("cooperation-stage.drl", STABLE_LINE, "purchaseShare >= 0.50, purchaseShare < " + share + ")");
        rules.edit("cooperation-stage.drl", STRATEGIC_LINE, "purchaseShare >= " + share + ")");
    }

    private static String callbackLabel(AdviceApi.Reply advice) {
        for (JsonNode action : advice.body().get("actions").values()) {
            if (action.get("code").getStringValue().equals("POST_SALE_CALLBACK")) {
                return action.get("label").getStringValue();
            }
        }
        throw new AssertionError("no POST_SALE_CALLBACK in the baseline advice");
    }

    private AdviceApi.Reply ruleset() {
        return api.get("/v1/ruleset");
    }

    private AdviceApi.Reply post(String path, String body) {
        return api.exchange(HttpRequest.POST(path, body).contentType("application/json"));
    }

    private AdviceApi.Reply adviceFor(double share) {
        Map<String, Object> request = AdviceApi.validRequest(AdviceApi.uniqueCustomer("RELOAD"));
        request.put("purchaseShare", share);
        return api.advise(request);
    }

    private String stageFor(double share) {
        return adviceFor(share).body().get("cooperationStage").get("code").getStringValue();
    }

    /** Polls GET /v1/ruleset until the condition holds (how fast a save goes live is measured in the README). */
    private AdviceApi.Reply awaitRuleset(Predicate<AdviceApi.Reply> condition) {
        return Poll.until("the rule set as expected", Duration.ofSeconds(60), this::ruleset, condition);
    }
}
