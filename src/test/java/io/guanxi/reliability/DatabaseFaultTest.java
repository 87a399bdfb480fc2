package io.guanxi.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guanxi.platform.db.ConfiguredDatabase;
import io.guanxi.platform.db.EmbeddedMariaDb;
import io.guanxi.platform.db.MariaDbServer;
import io.guanxi.testing.TestFiles;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real MariaDB process killed under load: advice is refused promptly (503 problem+json, never a
 * hang), {@code /health} says so, and advice comes back by itself once the database runs again —
 * the embedded one started again by the service, an external one by its operator. Every decision
 * answered 200 is stored as answered, and the chain verifies.
 */
class DatabaseFaultTest {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseFaultTest.class);
    /** Refusals come within the connection timeout (3 s by default); this only says "never a hang". */
    private static final Duration PROMPT = Duration.ofSeconds(10);
    private static final Duration RECOVERY = Duration.ofSeconds(30);

    @Test
    void embeddedDatabaseKilledUnderLoadIsRefusedPromptlyAndStartedAgainByTheService() throws Exception {
        Path dir = Path.of("target", "fault-embedded-" + UUID.randomUUID());
        try (EmbeddedServer service = start(Map.of("guanxi.data-dir", dir.toString(),
                "datasources.default.url", ConfiguredDatabase.EMBEDDED))) {
            EmbeddedMariaDb db = EmbeddedMariaDb.startIn(dir);
            long restartsBefore = db.restarts();

            Fault fault = killUnderLoad(service, dir, () -> { });

            assertEquals(restartsBefore + 1, db.restarts(), "the service started its database again");
            fault.assertHeld(service);
            String metrics = fault.load().get("/prometheus").body();
            Matcher restarts = Pattern.compile("(?m)^guanxi_database_restarts_total(\\{[^}]*})? ([0-9.]+)$").matcher(metrics);
            assertTrue(restarts.find(), "the restarts are a metric");
            assertEquals(restartsBefore + 1, (long) Double.parseDouble(restarts.group(2)));
        } finally {
            EmbeddedMariaDb.startIn(dir).stop();
            TestFiles.deleteTree(dir);
        }
    }

    @Test
    void externalDatabaseKilledUnderLoadIsRefusedPromptlyAndUsedAgainOnceItIsBack() throws Exception {
        Path dir = Path.of("target", "fault-external-" + UUID.randomUUID());
        EmbeddedMariaDb external = EmbeddedMariaDb.startIn(dir, false);
        try (EmbeddedServer service = start(Map.of("datasources.default.url", external.jdbcUrl(),
                "datasources.default.username", external.username(),
                "datasources.default.password", external.password()))) {

            Fault fault = killUnderLoad(service, dir, () -> {
                // The operator brings the server back a while after the refusals began.
                sleep(Duration.ofSeconds(3));
                external.restart();
            });

            fault.assertHeld(service);
        } finally {
            external.stop();
            TestFiles.deleteTree(dir);
        }
    }

    /** What the load saw around the kill. */
    private record Fault(long killedAt, List<SteadyLoad.Outcome> outcomes, SteadyLoad load, JsonMapper json) {

        void assertHeld(EmbeddedServer service) throws Exception {
            // Answered after the kill: requests in flight at the kill count too.
            List<SteadyLoad.Outcome> after = outcomes.stream().filter(o -> o.answeredAfter(killedAt)).toList();
            assertTrue(after.stream().anyMatch(refused()), "advice was refused while the database was down");
            for (SteadyLoad.Outcome o : outcomes) {
                assertTrue(o.status() == 200 || refused().test(o), () -> "answered " + o.status() + " " + o.answer());
                assertTrue(o.tookNanos() < PROMPT.toNanos(),
                        () -> o.requestId() + " took " + o.tookNanos() / 1_000_000 + " ms (" + o.status() + ")");
            }
            for (SteadyLoad.Outcome o : outcomes) {
                if (o.status() == 200) {
                    assertStoredAsAnswered(o);
                }
            }
            for (SteadyLoad.Outcome o : after.stream().filter(refused()).limit(20).toList()) {
                SteadyLoad.Outcome again = load.advise(o.requestId(), o.customerId(), o.body());
                SteadyLoad.Outcome third = load.advise(o.requestId(), o.customerId(), o.body());
                assertEquals(200, again.status(), again.answer());
                assertEquals(field(again, "decisionId"), field(third, "decisionId"),
                        "a refused requestId sent again gives one decision");
            }
            JsonNode verify = json.readValue(load.get("/v1/audit/verify").body(), JsonNode.class);
            assertTrue(verify.get("ok").getBooleanValue(), verify.toString());
            assertEquals(200, load.get("/health").statusCode());
        }

        private void assertStoredAsAnswered(SteadyLoad.Outcome answered) throws Exception {
            JsonNode answer = json.readValue(answered.answer(), JsonNode.class);
            var stored = load.get("/v1/decisions/" + answer.get("decisionId").getStringValue());
            assertEquals(200, stored.statusCode(), () -> "answered " + answered.requestId() + " is stored");
            JsonNode output = json.readValue(stored.body(), JsonNode.class).get("output");
            for (Map.Entry<String, JsonNode> field : output.entries()) {
                assertEquals(field.getValue(), answer.get(field.getKey()),
                        () -> answered.requestId() + " stored " + field.getKey() + " as answered");
            }
        }

        private String field(SteadyLoad.Outcome o, String name) throws Exception {
            return json.readValue(o.answer(), JsonNode.class).get(name).getStringValue();
        }
    }

    /**
     * Kills the database's process while four clients advise, runs what brings it back, and keeps the
     * load on until advice has been answered again for a while.
     */
    private static Fault killUnderLoad(EmbeddedServer service, Path dir, Runnable bringBack) throws Exception {
        JsonMapper json = service.getApplicationContext().getBean(JsonMapper.class);
        try (SteadyLoad load = SteadyLoad.start(service.getURL(), 4, 40)) {
            awaitAnswered(load, 0, 50);
            ProcessHandle mariadbd = MariaDbServer.process(dir).orElseThrow();
            long killedAt = System.nanoTime();
            mariadbd.destroyForcibly();
            Thread back = new Thread(bringBack);
            back.start();
            long healthDown = awaitHealth(load, 503, killedAt);
            long recovered = awaitAnswered(load, killedAt, 20);
            back.join();
            awaitHealth(load, 200, killedAt);
            load.close();
            List<SteadyLoad.Outcome> outcomes = load.outcomes();
            long firstRefusal = outcomes.stream().filter(o -> o.answeredAfter(killedAt)).filter(refused())
                    .mapToLong(o -> o.sentAt() + o.tookNanos() - killedAt).min().orElse(-1);
            LOG.info("Database killed under load: first refusal after {} ms, /health 503 after {} ms, advice answered"
                    + " again after {} ms; {} requests ({} answered 200, {} refused)", firstRefusal / 1_000_000,
                    healthDown / 1_000_000, recovered / 1_000_000, outcomes.size(),
                    outcomes.stream().filter(o -> o.status() == 200).count(),
                    outcomes.stream().filter(refused()).count());
            return new Fault(killedAt, outcomes, load, json);
        }
    }

    /** Waits until {@code count} requests sent after {@code since} were answered 200; how long after it. */
    private static long awaitAnswered(SteadyLoad load, long since, int count) {
        return await("advice answered again", () -> load.outcomes().stream()
                .filter(o -> o.sentAfter(since) && o.status() == 200).count() >= count, since);
    }

    private static long awaitHealth(SteadyLoad load, int status, long since) {
        return await("/health " + status, () -> {
            try {
                return load.get("/health").statusCode() == status;
            } catch (Exception e) {
                return false;
            }
        }, since);
    }

    private static long await(String what, java.util.function.BooleanSupplier done, long since) {
        long start = since == 0 ? System.nanoTime() : since;
        long deadline = start + RECOVERY.toNanos();
        while (!done.getAsBoolean()) {
            assertFalse(System.nanoTime() > deadline, what + " within " + RECOVERY);
            sleep(Duration.ofMillis(50));
        }
        return System.nanoTime() - start;
    }

    private static Predicate<SteadyLoad.Outcome> refused() {
        return o -> o.status() == 503 && o.contentType().startsWith("application/problem+json");
    }

    private static EmbeddedServer start(Map<String, Object> properties) {
        Map<String, Object> all = new HashMap<>(properties);
        all.put("micronaut.server.port", -1);
        all.put("guanxi.watch-rules", false);
        return ApplicationContext.run(EmbeddedServer.class, all, "test");
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
