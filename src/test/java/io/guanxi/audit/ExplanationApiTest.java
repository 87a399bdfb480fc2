package io.guanxi.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guanxi.advice.AdviceApi;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An auditor reads, for each output of a stored decision, the rules that set it and the values they read. */
@MicronautTest(transactional = false)
class ExplanationApiTest {

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    JsonMapper json;

    @Test
    void tierCitesRevenueAndCooperationStageInChineseAndCodes() {
        AdviceApi api = new AdviceApi(client, json);
        Map<String, Object> request = AdviceApi.validRequest(AdviceApi.uniqueCustomer("EXP"));
        request.put("purchaseShare", 0.62);
        request.put("annualRevenue", 6000000);
        String id = api.advise(request).text("decisionId");

        AdviceApi.Reply reply = api.get("/v1/decisions/" + id + "/explanation");

        assertEquals(200, reply.status());
        assertEquals(id, reply.text("decisionId"));
        JsonNode tier = output(reply.body(), "tier").get(0);
        assertEquals("STRATEGIC", tier.get("code").getStringValue());
        assertEquals("战略大客户", tier.get("label").getStringValue());
        assertEquals("大客户等级", tier.get("outputLabel").getStringValue());
        JsonNode table = rule(tier, "TIER-010");
        assertTrue(table.get("text").getStringValue().contains("annualRevenue=6000000 >= 5000000"), table.toString());
        assertEquals("6000000", value(table, "annualRevenue").get("value").getStringValue());
        assertEquals("年营业额", value(table, "annualRevenue").get("label").getStringValue());
        assertEquals("STABLE", value(table, "cooperationStage").get("value").getStringValue());
        assertEquals("稳定合作", value(table, "cooperationStage").get("valueLabel").getStringValue());
    }

    @Test
    void shareDropAndEveryActionAreExplained() {
        AdviceApi api = new AdviceApi(client, json);
        Map<String, Object> request = AdviceApi.validRequest(AdviceApi.uniqueCustomer("EXP"));
        request.put("purchaseShare", 0.6);
        api.advise(request);
        request.put("purchaseShare", 0.5);
        AdviceApi.Reply advice = api.advise(request);

        JsonNode body = api.get("/v1/decisions/" + advice.text("decisionId") + "/explanation").body();

        JsonNode decline = rule(output(body, "lifecycleStage").get(0), "LIFE-020");
        assertEquals("0.6", value(decline, "previousShare").get("value").getStringValue());
        assertEquals("0.5", value(decline, "share").get("value").getStringValue());
        assertEquals("0.1", value(decline, "drop").get("value").getStringValue());
        List<JsonNode> actions = output(body, "action");
        JsonNode answered = advice.body().get("actions");
        assertEquals(answered.size(), actions.size());
        for (int i = 0; i < actions.size(); i++) {
            JsonNode action = actions.get(i);
            assertEquals(answered.get(i).get("code"), action.get("code"));
            assertEquals(answered.get(i).get("label"), action.get("label"));
            List<String> rules = new ArrayList<>();
            action.get("rules").values().forEach(r -> {
                rules.add(r.get("rule").getStringValue());
                assertTrue(r.get("values").size() > 0, "bindings of " + r);
            });
            List<String> reasons = new ArrayList<>();
            answered.get(i).get("reasons").values().forEach(r -> reasons.add(r.getStringValue()));
            assertEquals(reasons, rules.stream().distinct().toList());
        }
    }

    @Test
    void unknownDecisionHasNoExplanation() {
        AdviceApi.Reply reply = new AdviceApi(client, json).get("/v1/decisions/nope/explanation");

        assertEquals(404, reply.status());
        assertTrue(reply.contentType().startsWith("application/problem+json"));
    }

    static List<JsonNode> output(JsonNode body, String output) {
        List<JsonNode> found = new ArrayList<>();
        body.get("explanations").values().forEach(e -> {
            if (e.get("output").getStringValue().equals(output)) {
                found.add(e);
            }
        });
        return found;
    }

    private static JsonNode rule(JsonNode explanation, String id) {
        for (JsonNode r : explanation.get("rules").values()) {
            if (r.get("rule").getStringValue().startsWith(id + " ")) {
                return r;
            }
        }
        throw new AssertionError(id + " not in " + explanation);
    }

    private static JsonNode value(JsonNode reason, String name) {
        for (JsonNode v : reason.get("values").values()) {
            if (v.get("name").getStringValue().equals(name)) {
                return v;
            }
        }
        throw new AssertionError(name + " not in " + reason);
    }
}
