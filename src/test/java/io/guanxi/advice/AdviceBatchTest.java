package io.guanxi.advice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /v1/advice/batch}: every item is decided as a single request would be, answered in
 * its place with its advice or its own problem; a bad item never sinks the good ones.
 */
@MicronautTest(transactional = false)
class AdviceBatchTest {

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    JsonMapper json;

    private AdviceApi api;

    @BeforeEach
    void setUp() {
        api = new AdviceApi(client, json);
    }

    @Test
    void eachItemIsAnsweredInItsPlaceAndABadItemSinksNothing() {
        String first = AdviceApi.uniqueCustomer("BATCH");
        String second = AdviceApi.uniqueCustomer("BATCH");
        Map<String, Object> outOfRange = AdviceApi.validRequest(AdviceApi.uniqueCustomer("BATCH"));
        outOfRange.put("purchaseShare", 2);

        JsonNode results = batch(List.of(api.write(AdviceApi.validRequest(first)), api.write(outOfRange),
                api.write(AdviceApi.validRequest(second)), "42", "\"abc\""));

        assertEquals(5, results.size());
        assertEquals(first, results.get(0).get("customerId").getStringValue());
        assertEquals(400, results.get(1).get("status").getIntValue());
        assertEquals("purchaseShare", results.get(1).get("errors").get(0).get("field").getStringValue());
        assertEquals(second, results.get(2).get("customerId").getStringValue());
        assertEquals(400, results.get(3).get("status").getIntValue());
        assertEquals("the request body must be one JSON object", results.get(4).get("detail").getStringValue(),
                "a string item is judged whole, as the single endpoint judges it");
        for (int good : new int[] {0, 2}) {
            String decision = results.get(good).get("decisionId").getStringValue();
            assertEquals(200, api.get("/v1/decisions/" + decision).status(), "item " + good + " is committed");
        }
    }

    @Test
    void oneCustomersItemsAreDecidedInOrderEachSeeingTheOneBefore() {
        String customer = AdviceApi.uniqueCustomer("BATCH-ORDER");
        List<String> items = new ArrayList<>();
        for (double share : new double[] {0.30, 0.55, 0.55, 0.30}) {
            Map<String, Object> request = AdviceApi.validRequest(customer);
            request.put("purchaseShare", share);
            items.add(api.write(request));
        }

        JsonNode results = batch(items);

        assertEquals(JsonNode.nullNode(), results.get(0).get("previousCooperationStage"));
        for (int i = 1; i < items.size(); i++) {
            assertEquals(results.get(i - 1).get("cooperationStage"), results.get(i).get("previousCooperationStage"),
                    "item " + i + " sees item " + (i - 1));
        }
        assertEquals("NEW", results.get(0).get("transition").getStringValue());
        assertEquals("ADVANCED", results.get(1).get("transition").getStringValue());
    }

    @Test
    void aRequestIdGivesOneDecisionAcrossBatchesAndReusedForOtherFactsIsAConflictInItsPlace() {
        Map<String, Object> request = AdviceApi.validRequest(AdviceApi.uniqueCustomer("BATCH-IDEM"));
        request.put("requestId", AdviceApi.uniqueCustomer("REQ"));
        Map<String, Object> otherFacts = new java.util.HashMap<>(request);
        otherFacts.put("purchaseShare", 0.9);

        JsonNode first = batch(List.of(api.write(request)));
        JsonNode again = batch(List.of(api.write(request), api.write(otherFacts)));

        assertEquals(first.get(0).get("decisionId"), again.get(0).get("decisionId"));
        assertEquals(409, again.get(1).get("status").getIntValue());
        assertEquals(first.get(0).get("decisionId"), api.advise(request).body().get("decisionId"),
                "the single endpoint replays the batch's decision");
    }

    @Test
    void aThousandItemsAreEachCommittedOnceAndTheChainVerifies() {
        String prefix = AdviceApi.uniqueCustomer("BATCH-1000");
        List<String> items = IntStream.range(0, 1000)
                .mapToObj(i -> api.write(AdviceApi.validRequest(prefix + "-" + (i % 250)))).toList();

        JsonNode results = batch(items);

        Set<String> decisions = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            assertEquals(prefix + "-" + (i % 250), results.get(i).get("customerId").getStringValue());
            decisions.add(results.get(i).get("decisionId").getStringValue());
        }
        assertEquals(1000, decisions.size());
        assertTrue(api.get("/v1/audit/verify").body().get("ok").getBooleanValue());
    }

    @Test
    void aBatchThatIsNotOneIsRefusedWholeNamingTheField() {
        String item = api.write(AdviceApi.validRequest(AdviceApi.uniqueCustomer("BATCH-BAD")));
        assertRefused("{}", "items");
        assertRefused("{\"items\": []}", "items");
        assertRefused("{\"items\": {}}", "items");
        assertRefused("{\"items\": [" + item + "], \"priority\": 1}", "priority");
        assertRefused("{\"items\": [" + String.join(",", java.util.Collections.nCopies(1001, item)) + "]}", "items");
        for (String broken : List.of("{\"items\": [" + item, "{\"items\": [" + "[".repeat(1001) + "]".repeat(1001) + "]}")) {
            AdviceApi.Reply refused = post(broken);
            assertEquals(400, refused.status(), () -> String.valueOf(refused.body()));
            assertEquals("application/problem+json", refused.contentType());
        }
    }

    private void assertRefused(String body, String field) {
        AdviceApi.Reply reply = post(body);
        assertEquals(400, reply.status(), body);
        assertEquals("application/problem+json", reply.contentType());
        assertEquals(field, reply.body().get("errors").get(0).get("field").getStringValue(), body);
    }

    private JsonNode batch(List<String> items) {
        AdviceApi.Reply reply = post("{\"items\": [" + String.join(",", items) + "]}");
        assertEquals(200, reply.status(), () -> api.write(reply.body()));
        return reply.body().get("results");
    }

    private AdviceApi.Reply post(String body) {
        return api.exchange(HttpRequest.POST("/v1/advice/batch", body).contentType(MediaType.APPLICATION_JSON_TYPE));
    }
}
