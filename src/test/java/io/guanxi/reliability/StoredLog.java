package io.guanxi.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guanxi.testing.Poll;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What must hold of a decision log read back through a forked service's API, whatever happened to
 * the processes that wrote it: answers stored as given, one intact chain, one record per
 * requestId, no lost stage update, and audit indexes that catch up with the chain exactly.
 */
final class StoredLog {

    private StoredLog() {
    }

    /** Every 200 answer is stored exactly as answered: same output, customer and requestId. */
    static void assertStoredAsAnswered(ServiceClient client, Map<String, JsonNode> answered)
            throws IOException, InterruptedException {
        for (Map.Entry<String, JsonNode> a : answered.entrySet()) {
            String decisionId = a.getValue().get("decisionId").getStringValue();
            ServiceClient.Reply stored = client.get("/v1/decisions/" + decisionId);
            assertEquals(200, stored.status(), "answered decision " + decisionId + " is stored");
            assertEquals(a.getValue(), stored.body().get("output"), "decision " + decisionId + " stored as answered");
            assertEquals(a.getKey(), stored.text("requestId"), "decision " + decisionId);
            assertEquals(a.getValue().get("customerId"), stored.body().get("customerId"), "decision " + decisionId);
        }
    }

    /** The whole chain verifies and holds exactly {@code records} records. */
    static void assertOneChain(ServiceClient client, long records) throws IOException, InterruptedException {
        ServiceClient.Reply verified = client.verify();
        assertEquals(200, verified.status(), () -> String.valueOf(verified.body()));
        assertTrue(verified.body().get("ok").getBooleanValue(), () -> "the chain verifies: " + verified.body());
        assertEquals(records, verified.body().get("count").getLongValue(), "records in the chain");
    }

    /** No requestId names two records. */
    static void assertOneRecordPerRequestId(List<JsonNode> log) {
        Map<String, String> seen = new HashMap<>();
        for (JsonNode r : log) {
            String requestId = text(r, "requestId");
            String decisionId = text(r, "decisionId");
            String earlier = requestId == null ? null : seen.put(requestId, decisionId);
            assertEquals(null, earlier, () -> "requestId " + requestId + " has decisions " + earlier + " and "
                    + decisionId);
        }
    }

    /**
     * No lost stage update: in the order stored, each record's previous stage is the stage of the
     * same customer's record before it (none for its first).
     */
    static void assertEachRecordFollowsItsCustomersLast(List<JsonNode> log) {
        Map<String, String> stageOf = new HashMap<>();
        for (JsonNode r : log) {
            String customer = text(r, "customerId");
            String before = stageOf.get(customer);
            String previous = text(r, "previousCooperationStage");
            assertTrue(Objects.equals(before, previous), () -> "decision " + text(r, "decisionId") + " of " + customer
                    + " was judged against " + previous + " but the record before it decided " + before);
            stageOf.put(customer, text(r, "cooperationStage"));
        }
    }

    /**
     * The audit indexer, killed with the service, resumes and reaches the head; then every tier and
     * every rule of the log, as a filter served by the indexes, finds exactly its records.
     */
    static void assertIndexesCatchUp(ServiceClient client, List<JsonNode> log) throws Exception {
        Poll.until("the audit indexes reach the head (records behind)", Duration.ofSeconds(60),
                () -> client.get("/v1/audit/head").body().get("index").get("behind").getLongValue(), behind -> behind == 0);
        Map<String, List<String>> expected = new TreeMap<>();
        for (JsonNode r : log) {
            expected.computeIfAbsent("tier=" + text(r, "tier"), k -> new ArrayList<>()).add(text(r, "decisionId"));
            for (JsonNode rule : r.get("firedRules").values()) {
                String id = rule.getStringValue().split(" ", 2)[0];
                expected.computeIfAbsent("rule=" + id, k -> new ArrayList<>()).add(text(r, "decisionId"));
            }
        }
        for (Map.Entry<String, List<String>> filter : expected.entrySet()) {
            assertEquals(filter.getValue(), client.decisions("&" + filter.getKey()).stream()
                    .map(r -> text(r, "decisionId")).toList(), filter.getKey() + ", from the indexes");
        }
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.getStringValue();
    }
}
