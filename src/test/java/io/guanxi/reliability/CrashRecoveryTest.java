package io.guanxi.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guanxi.testing.TestFiles;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A power cut mid-load: the service and its embedded MariaDB are killed together (SIGKILL) while
 * clients are being answered, then started again on the same data. Every answer given is in the
 * log as given, the chain is whole, a requestId (answered or lost in flight) still makes at most one
 * decision, and every customer goes on from the stage last stored.
 */
class CrashRecoveryTest {

    private static final Path DATA = Path.of("target", "crash-data");
    private static final Path LOG_FILE = Path.of("target", "crash-service.log");
    private static final int HEAP_MB = 256;
    private static final int CUSTOMERS = 12;
    /** Answers to wait for before the kill: enough that many batches committed, and the load still runs. */
    private static final int ANSWERS_BEFORE_KILL = 100;
    private static final Logger LOG = LoggerFactory.getLogger(CrashRecoveryTest.class);

    @Test
    void killedMidLoadWithItsDatabaseItRestartsWithEveryAnswerStoredAndOneDecisionPerRequestId() throws Exception {
        freshDataDirectory();
        AdviceLoad load = new AdviceLoad(CUSTOMERS);
        ForkedService first = ForkedService.start(ForkedService.Setup.embedded(DATA, HEAP_MB, LOG_FILE).shortLived());
        try {
            ServiceClient client = new ServiceClient(first);
            load.start(8, 1_000, Duration.ofSeconds(40), t -> client);
            assertTrue(load.awaitAnswered(ANSWERS_BEFORE_KILL, Duration.ofSeconds(40)), load::summary);
            // Requests in flight stay in flight; no client sends to a dead server afterwards.
            load.stopSending();
            first.killWithItsDatabase();
        } finally {
            load.stop();
            first.close();
        }
        LOG.info("Killed the service and its mariadbd mid-load: {}", load.summary());

        try (ForkedService again = first.restart()) {
            ServiceClient client = new ServiceClient(again);
            StoredLog.assertStoredAsAnswered(client, load.answered());
            List<JsonNode> beforeResending = client.decisions("");
            StoredLog.assertOneChain(client, beforeResending.size());
            StoredLog.assertEachRecordFollowsItsCustomersLast(beforeResending);

            Map<String, String> decisionOf = resendEveryRequest(client, load);

            List<JsonNode> log = client.decisions("");
            StoredLog.assertOneRecordPerRequestId(log);
            log.forEach(r -> assertEquals(decisionOf.get(StoredLog.text(r, "requestId")), StoredLog.text(r, "decisionId"),
                    "every record is the one decision of a requestId sent"));
            assertEquals(load.sent().size(), log.size(), "one record per requestId sent, none other");
            StoredLog.assertOneChain(client, log.size());
            StoredLog.assertEachRecordFollowsItsCustomersLast(log);
            StoredLog.assertIndexesCatchUp(client, log);
            for (String customer : load.customers()) {
                assertNextDecisionContinuesFromLastStored(client, customer);
            }
            LOG.info("After the restart: {} records before resending, {} after", beforeResending.size(), log.size());
        }
    }

    @Test
    void killedAloneItsOrphanedDatabaseIsStoppedByTheNextStartWhichGoesOnWithTheLog() throws Exception {
        freshDataDirectory();
        ForkedService first = ForkedService.start(ForkedService.Setup.embedded(DATA, HEAP_MB, LOG_FILE).shortLived());
        String customer = "ORPHAN-" + System.nanoTime();
        ProcessHandle orphan;
        ServiceClient.Reply answered;
        try {
            answered = new ServiceClient(first).advise(AdviceLoad.request(customer).body());
            assertEquals(200, answered.status(), () -> String.valueOf(answered.body()));
            orphan = first.killAlone();
            assertTrue(orphan.isAlive(), "the killed service's mariadbd runs on, holding the data files");
        } finally {
            first.close();
        }

        try (ForkedService again = first.restart()) {
            ServiceClient client = new ServiceClient(again);
            assertTrue(!orphan.isAlive(), "the next start stopped the orphaned mariadbd");
            assertEquals(200, client.get("/v1/decisions/" + answered.text("decisionId")).status());
            assertNextDecisionContinuesFromLastStored(client, customer);
        }
    }

    /**
     * Sends every request again, exactly as first sent: an answered one replays its decision; one
     * never answered replays a stored decision or decides once, and so sent twice more gives the
     * same decision. Returns the decision of each requestId.
     */
    private static Map<String, String> resendEveryRequest(ServiceClient client, AdviceLoad load) throws Exception {
        Map<String, String> decisionOf = new HashMap<>();
        for (AdviceLoad.Sent request : load.sent().values()) {
            ServiceClient.Reply again = client.advise(request.body());
            assertEquals(200, again.status(), () -> request.requestId() + " sent again: " + again.body());
            JsonNode answer = load.answered().get(request.requestId());
            if (answer != null) {
                assertEquals(answer, again.body(), "an answered requestId replays its answer");
            } else {
                for (int i = 0; i < 2; i++) {
                    ServiceClient.Reply more = client.advise(request.body());
                    assertEquals(200, more.status());
                    assertEquals(again.text("decisionId"), more.text("decisionId"), request.requestId());
                }
            }
            decisionOf.put(request.requestId(), again.text("decisionId"));
        }
        return decisionOf;
    }

    /** The customer's next decision is judged against the stage of its last stored record. */
    private static void assertNextDecisionContinuesFromLastStored(ServiceClient client, String customer)
            throws IOException, InterruptedException {
        List<JsonNode> records = client.decisions("&customerId=" + customer);
        String lastStored = records.isEmpty() ? null
                : StoredLog.text(records.get(records.size() - 1), "cooperationStage");
        ServiceClient.Reply next = client.advise(AdviceLoad.request(customer).body());
        assertEquals(200, next.status(), () -> String.valueOf(next.body()));
        assertEquals(lastStored, next.code("previousCooperationStage"), customer);
    }

    /** The data directory emptied, but for the unpacked server binaries (they take seconds to unpack). */
    private static void freshDataDirectory() throws IOException {
        Files.createDirectories(DATA);
        try (Stream<Path> entries = Files.list(DATA)) {
            for (Path entry : entries.filter(e -> !e.getFileName().toString().equals("mariadb-base")).toList()) {
                TestFiles.deleteTree(entry);
            }
        }
    }
}
