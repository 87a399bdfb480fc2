package io.guanxi.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guanxi.advice.AdviceApi;
import io.guanxi.testing.AuditDatabase;
import io.micronaut.http.HttpRequest;
import io.micronaut.json.tree.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Live customers meet the challenger as the experiment says: a split keeps each customer in one arm
 * across restarts and meets its share; a shadow never changes the answer, and what the challenger
 * decided is kept in the chain, verified, exported and reported.
 */
class ExperimentTrafficTest {

    private static final int CUSTOMERS = 300;

    @TempDir
    static Path temp;
    private static ExperimentBench bench;

    @BeforeAll
    static void twoVersions() {
        bench = new ExperimentBench(temp);
    }

    @AfterAll
    static void close() {
        bench.close();
    }

    @AfterEach
    void noneRuns() {
        bench.stopRunning();
    }

    @Test
    void splitKeepsEachCustomerInOneArmAcrossARestartAndAnswersFromItsArm() {
        long id = bench.startExperiment("split", 10).body().get("id").getLongValue();
        String prefix = AdviceApi.uniqueCustomer("SPLIT");
        for (int i = 0; i < CUSTOMERS; i++) {
            bench.advise(prefix + "-" + i, 0.82);
        }
        bench.restart();
        for (int i = 0; i < CUSTOMERS; i++) {
            bench.advise(prefix + "-" + i, 0.82);
        }

        List<JsonNode> decisions = bench.exported(id, null);
        assertEquals(2 * CUSTOMERS, decisions.size());
        Map<String, String> armOf = new HashMap<>();
        for (JsonNode d : decisions) {
            String customer = d.get("customerId").getStringValue();
            String arm = d.get("arm").getStringValue();
            assertEquals(Assignment.inShare(id, customer, 10) ? "challenger" : "champion", arm, customer);
            assertEquals(arm, armOf.getOrDefault(customer, arm), customer + " changed arm after the restart");
            armOf.put(customer, arm);
            assertEquals(arm.equals("challenger") ? bench.challenger : bench.champion,
                    d.get("rulesetVersion").getStringValue());
            assertEquals(arm.equals("challenger") ? "STABLE" : "STRATEGIC", d.get("cooperationStage").getStringValue());
        }
        long challengers = armOf.values().stream().filter("challenger"::equals).count();
        // Each customer's arm is checked above against Assignment; how close the share comes to 10 %
        // is AssignmentTest's (over 20,000 customers: here 300 random ones fall outside 15..45 about
        // once in 400 runs). Both arms must be used.
        assertTrue(challengers > 0 && challengers < CUSTOMERS, challengers + " of " + CUSTOMERS + " in the challenger arm");
        assertEquals(2 * challengers, bench.exported(id, "challenger").size());
        JsonNode counted = bench.api.get("/v1/experiments/" + id).body().get("decisions");
        assertEquals(2 * challengers, counted.get("challenger").getLongValue());
        assertEquals(2 * (CUSTOMERS - challengers), counted.get("champion").getLongValue());
    }

    @Test
    void shadowAnswersAsTheChampionAndKeepsTheChallengersResultInTheVerifiedChain() throws Exception {
        long id = bench.startExperiment("shadow", null).body().get("id").getLongValue();
        String customer = AdviceApi.uniqueCustomer("SHADOW");

        AdviceApi.Reply answer = bench.advise(customer, 0.82);
        assertEquals("STRATEGIC", stateOf(customer), "the customer's state follows the champion");
        bench.advise(customer, 0.30);

        assertEquals("STRATEGIC", answer.body().get("cooperationStage").get("code").getStringValue(), "the champion answers");
        assertEquals(bench.champion, answer.text("rulesetVersion"));
        JsonNode decision = bench.api.get("/v1/decisions/" + answer.text("decisionId")).body();
        assertEquals(id, decision.get("experiment").getLongValue());
        assertEquals("shadow", decision.get("arm").getStringValue());
        assertEquals(bench.challenger, decision.get("shadow").get("version").getStringValue());
        assertEquals("STABLE", decision.get("shadow").get("outcome").get("cooperationStage").getStringValue());

        JsonNode report = bench.api.get("/v1/experiments/" + id + "/report").body();
        assertEquals(2, report.get("shadow").get("counts").get("replayed").getLongValue());
        assertEquals(0.5, report.get("agreement").getDoubleValue(), 1e-9, "the second decision agrees");
        JsonNode shadowArm = report.get("arms").get(0);
        assertEquals("shadow", shadowArm.get("arm").getStringValue());
        assertEquals(1, shadowArm.get("next").get("decidedAgain").getLongValue());
        assertEquals(bench.champion, report.get("championVersions").get(0).get("version").getStringValue());
        assertTrue(bench.api.exchangeText(HttpRequest.GET("/v1/decisions/export?format=csv&experiment=" + id)).body()
                .contains("," + id + ",shadow\r\n"), "the CSV export carries experiment and arm");

        verifyDetectsTamperingOfTheShadow(answer.text("decisionId"));
    }

    private void verifyDetectsTamperingOfTheShadow(String decisionId) throws Exception {
        long seq = AuditDatabase.seqOf(decisionId);
        assertTrue(verified(seq), "intact");
        try (Connection c = AuditDatabase.connect()) {
            String kept = AuditDatabase.text(c, "SELECT shadow_json FROM decision_record WHERE seq = ?", seq);
            AuditDatabase.update(c, "UPDATE decision_record SET shadow_json = REPLACE(shadow_json, 'STABLE', "
                    + "'STRATEGIC') WHERE seq = ?", seq);
            try {
                assertFalse(verified(seq), "an altered shadow result breaks the chain");
            } finally {
                AuditDatabase.update(c, "UPDATE decision_record SET shadow_json = ? WHERE seq = ?", kept, seq);
            }
            AuditDatabase.update(c, "UPDATE decision_record SET experiment_arm = 'champion' WHERE seq = ?", seq);
            try {
                assertFalse(verified(seq), "an altered arm breaks the chain");
            } finally {
                AuditDatabase.update(c, "UPDATE decision_record SET experiment_arm = 'shadow' WHERE seq = ?", seq);
            }
        }
        assertTrue(verified(seq), "repaired");
    }

    private boolean verified(long seq) {
        AdviceApi.Reply result = bench.api.get("/v1/audit/verify?from=" + seq + "&to=" + seq);
        assertEquals(200, result.status(), () -> String.valueOf(result.body()));
        return result.body().get("ok").getBooleanValue();
    }

    private static String stateOf(String customer) throws Exception {
        try (Connection c = AuditDatabase.connect()) {
            return AuditDatabase.text(c, "SELECT cooperation_stage FROM customer_state WHERE customer_id = ?", customer);
        }
    }

    @Test
    void anInstanceThatCannotCompileTheChallengerStillAnswersAndItsDecisionsCarryNoExperiment() throws Exception {
        long id = bench.startExperiment("shadow", null).body().get("id").getLongValue();
        String altered = "UPDATE ruleset_file SET content = CONCAT(content, ' ') WHERE version = ?"
                + " AND path LIKE '%cooperation-stage.drl'";
        String restored = "UPDATE ruleset_file SET content = LEFT(content, LENGTH(content) - 1) WHERE version = ?"
                + " AND path LIKE '%cooperation-stage.drl'";
        try (Connection c = AuditDatabase.connect()) {
            assertEquals(1, AuditDatabase.update(c, altered, bench.challenger));
        }
        try {
            bench.restart(); // an instance that has not compiled the challenger yet
            String customer = AdviceApi.uniqueCustomer("UNCOMPILED");
            AdviceApi.Reply answer = bench.advise(customer, 0.82);
            assertEquals(200, answer.status(), () -> String.valueOf(answer.body()));
            assertEquals("STRATEGIC", answer.body().get("cooperationStage").get("code").getStringValue());
            JsonNode d = bench.api.get("/v1/decisions/" + answer.text("decisionId")).body();
            assertTrue(d.get("experiment").isNull() && d.get("arm").isNull(), () -> bench.api.write(d));
            assertEquals(List.of(), bench.exported(id, null), "no arm counts a decision it did not get");
        } finally {
            try (Connection c = AuditDatabase.connect()) {
                assertEquals(1, AuditDatabase.update(c, restored, bench.challenger));
            }
            bench.restart();
        }
    }

    @Test
    void championRolledBackDuringAnExperimentIsListedWithItsDecisions() {
        long id = bench.startExperiment("shadow", null).body().get("id").getLongValue();
        bench.advise(AdviceApi.uniqueCustomer("BEFORE"), 0.3);
        assertEquals(200, rollback(bench.challenger));
        try {
            bench.advise(AdviceApi.uniqueCustomer("DURING"), 0.3);
            bench.advise(AdviceApi.uniqueCustomer("DURING"), 0.3);
        } finally {
            assertEquals(200, rollback(bench.champion));
        }

        JsonNode versions = bench.api.get("/v1/experiments/" + id + "/report").body().get("championVersions");
        Map<String, Long> byVersion = new HashMap<>();
        versions.values().forEach(v -> byVersion.put(v.get("version").getStringValue(), v.get("decisions").getLongValue()));
        assertEquals(Map.of(bench.champion, 1L, bench.challenger, 2L), byVersion);
    }

    private static int rollback(String version) {
        return bench.post("/v1/ruleset/rollback", "{\"version\": \"" + version + "\"}").status();
    }

    @Test
    void decisionsOutsideAnExperimentCarryNoExperiment() {
        JsonNode d = bench.api.get("/v1/decisions/" + bench.advise(AdviceApi.uniqueCustomer("NONE"), 0.3)
                .text("decisionId")).body();
        assertTrue(d.get("experiment").isNull() && d.get("arm").isNull());
        assertNotEquals(null, d.get("shadow"));
    }

    @Test
    void badExperimentFiltersAreEachNamed() {
        AdviceApi.Reply reply = bench.api.get("/v1/decisions?experiment=first&arm=loser");

        assertEquals(400, reply.status());
        String errors = bench.api.write(reply.body().get("errors"));
        assertTrue(errors.contains("\"experiment\"") && errors.contains("an experiment id"), errors);
        assertTrue(errors.contains("\"arm\"") && errors.contains("[champion, challenger, shadow]"), errors);
    }
}
