package io.guanxi.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guanxi.advice.AdviceApi;
import io.micronaut.json.tree.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rules admin starts, stops and promotes experiments; one runs at a time; bad requests name each field. */
class ExperimentLifecycleTest {

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
    void everyBadFieldIsReportedAtOnce() {
        AdviceApi.Reply reply = bench.post("/v1/experiments",
                "{\"challenger\": \"v1\", \"mode\": \"split\", \"sharePercent\": 60}");

        assertEquals(400, reply.status());
        String errors = bench.api.write(reply.body().get("errors"));
        assertTrue(errors.contains("\"challenger\"") && errors.contains("\"sharePercent\""), errors);
        assertEquals(400, bench.startExperiment("split", null).status(), "a split needs its share");
        assertEquals(400, bench.startExperiment("canary", 10).status());
        assertEquals(400, bench.startExperiment("shadow", 0).status());
    }

    @Test
    void unknownChallengerIs404() {
        AdviceApi.Reply reply = bench.post("/v1/experiments",
                "{\"challenger\": \"sha256:" + "0".repeat(64) + "\", \"mode\": \"shadow\"}");

        assertEquals(404, reply.status());
    }

    @Test
    void secondExperimentIs409NamingTheRunningOneAndStopEndsIt() {
        AdviceApi.Reply started = bench.startExperiment("shadow", null);
        assertEquals(201, started.status(), () -> String.valueOf(started.body()));
        long id = started.body().get("id").getLongValue();
        assertEquals(100, started.body().get("sharePercent").getIntValue(), "shadow defaults to every request");
        assertEquals(bench.champion, started.text("championVersion"));
        assertEquals("RUNNING", started.text("state"));

        AdviceApi.Reply second = bench.startExperiment("split", 10);
        assertEquals(409, second.status());
        assertEquals("experiment " + id + " is already running", second.text("title"));

        AdviceApi.Reply stopped = bench.post("/v1/experiments/" + id + "/stop", "");
        assertEquals("STOPPED", stopped.text("state"));
        assertTrue(stopped.text("endedBy") != null && stopped.text("endedAt") != null);
        assertEquals(409, bench.post("/v1/experiments/" + id + "/stop", "").status());
        assertEquals(409, bench.post("/v1/experiments/" + id + "/promote", "").status());
        assertEquals(id, bench.api.get("/v1/experiments").body().get("experiments").get(0).get("id").getLongValue(),
                "newest first");
        assertEquals(404, bench.api.get("/v1/experiments/999999999").status());
    }

    @Test
    void promotionMakesTheChallengerLiveAsAVersionedActivationThatRollbackUndoes() {
        long id = bench.startExperiment("split", 20).body().get("id").getLongValue();

        AdviceApi.Reply promoted = bench.post("/v1/experiments/" + id + "/promote", "");

        assertEquals(200, promoted.status(), () -> String.valueOf(promoted.body()));
        assertEquals("PROMOTED", promoted.text("state"));
        AdviceApi.Reply live = bench.api.get("/v1/ruleset");
        assertEquals(bench.challenger, live.text("version"));
        assertEquals("PROMOTION", live.text("how"));
        String customer = AdviceApi.uniqueCustomer("PROMOTED");
        JsonNode decision = bench.api.get("/v1/decisions/" + bench.advise(customer, 0.82).text("decisionId")).body();
        assertTrue(decision.get("experiment").isNull(), "no experiment runs after a promotion");

        assertEquals(200, bench.post("/v1/ruleset/rollback", "{\"version\": \"" + bench.champion + "\"}").status());
        assertEquals(bench.champion, bench.api.get("/v1/ruleset").text("version"));
    }
}
