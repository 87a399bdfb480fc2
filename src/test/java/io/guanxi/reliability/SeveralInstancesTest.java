package io.guanxi.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guanxi.testing.AuditDatabase;
import io.micronaut.json.tree.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two service processes on one MariaDB server, answering for the same customers at once (as behind
 * a load balancer): one chain that verifies, no lost stage update, every answer stored as given,
 * and a requestId sent to both at the same moment makes one decision.
 */
class SeveralInstancesTest {

    private static final int HEAP_MB = 256;
    private static final int CUSTOMERS = 6;
    private static final int SAME_MOMENT_PAIRS = 20;
    private static final Logger LOG = LoggerFactory.getLogger(SeveralInstancesTest.class);

    @Test
    void twoInstancesOnOneDatabaseKeepOneChainEveryStageUpdateAndOneDecisionPerRequestId() throws Exception {
        // A database of its own on the test server: the whole log read back is this test's.
        String database = "instances_" + UUID.randomUUID().toString().replace("-", "");
        String url = AuditDatabase.server().jdbcUrl(database);
        // Started together: their migrations and rule-set records meet on the fresh database too.
        CompletableFuture<ForkedService> first = CompletableFuture.supplyAsync(() -> start(url, "one"));
        CompletableFuture<ForkedService> second = CompletableFuture.supplyAsync(() -> start(url, "two"));
        try {
            List<ServiceClient> clients = List.of(new ServiceClient(first.join()), new ServiceClient(second.join()));
            AdviceLoad load = new AdviceLoad(CUSTOMERS);
            load.start(6, 60, Duration.ofSeconds(30), t -> clients.get(t % 2));
            Map<String, JsonNode> pairs;
            try {
                pairs = sameRequestIdsToBothAtOnce(clients, load.customers());
            } finally {
                load.stop();
            }
            LOG.info("Two instances: {}", load.summary());

            Map<String, JsonNode> answered = new HashMap<>(load.answered());
            answered.putAll(pairs);
            StoredLog.assertStoredAsAnswered(clients.get(0), answered);
            List<JsonNode> log = clients.get(1).decisions("");
            assertEquals(ids(answered.values()), ids(log), "the log holds exactly the decisions answered 200");
            StoredLog.assertOneRecordPerRequestId(log);
            StoredLog.assertEachRecordFollowsItsCustomersLast(log);
            StoredLog.assertOneChain(clients.get(0), log.size());
        } finally {
            // Whichever started is stopped, once both attempts have ended.
            CompletableFuture.allOf(first, second).exceptionally(failed -> null).join();
            for (CompletableFuture<ForkedService> started : List.of(first, second)) {
                if (!started.isCompletedExceptionally()) {
                    started.join().close();
                }
            }
            try (Connection c = AuditDatabase.connect(url); Statement drop = c.createStatement()) {
                drop.execute("DROP DATABASE " + database);
            }
        }
    }

    /**
     * Each request sent to both instances at the same moment: simultaneous first uses of a requestId
     * make one decision, and both callers get it (the loser's batch finds the requestId taken, and
     * its request replays the winner's decision). Returns the answers by requestId.
     */
    private static Map<String, JsonNode> sameRequestIdsToBothAtOnce(List<ServiceClient> clients, List<String> customers)
            throws Exception {
        Map<String, JsonNode> answered = new HashMap<>();
        for (int i = 0; i < SAME_MOMENT_PAIRS; i++) {
            AdviceLoad.Sent request = AdviceLoad.request(customers.get(i % customers.size()));
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<ServiceClient.Reply>> replies = clients.stream()
                    .map(client -> CompletableFuture.supplyAsync(() -> adviseAt(start, client, request.body())))
                    .toList();
            start.countDown();
            Set<String> decisions = new HashSet<>();
            for (CompletableFuture<ServiceClient.Reply> future : replies) {
                ServiceClient.Reply reply = future.get();
                assertEquals(200, reply.status(), () -> request.requestId() + ": " + reply.body());
                decisions.add(reply.text("decisionId"));
                answered.put(request.requestId(), reply.body());
            }
            assertEquals(1, decisions.size(), () -> request.requestId() + " sent to both made " + decisions);
        }
        return answered;
    }

    private static ServiceClient.Reply adviseAt(CountDownLatch start, ServiceClient client, String body) {
        try {
            start.await();
            return client.advise(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static ForkedService start(String url, String name) {
        try {
            return ForkedService.start(ForkedService.Setup.onDatabase(url, HEAP_MB,
                    Path.of("target", "instance-" + name + ".log")).shortLived());
        } catch (Exception e) {
            throw new IllegalStateException("instance " + name + " did not start", e);
        }
    }

    private static Set<String> ids(java.util.Collection<JsonNode> decisions) {
        return decisions.stream().map(d -> StoredLog.text(d, "decisionId")).collect(Collectors.toSet());
    }
}
