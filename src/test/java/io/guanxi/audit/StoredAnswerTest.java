package io.guanxi.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guanxi.advice.AdviceApi;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import io.guanxi.testing.AuditDatabase;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Whatever a decision is stored as, everyone reads back what was answered: the decision view, the
 * page summaries, both export formats and the explanation agree with the answer of
 * {@code POST /v1/advice}, for answers with flags, entitlements, several actions and a transition.
 */
@MicronautTest(transactional = false)
class StoredAnswerTest {

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    JsonMapper json;

    @Test
    void everyReadingOfAStoredDecisionIsTheAnswerGiven() throws IOException {
        AdviceApi api = new AdviceApi(client, json);
        String customer = AdviceApi.uniqueCustomer("PIN");
        List<JsonNode> answers = new ArrayList<>();
        answers.add(advise(api, customer, Map.of("purchaseShare", 0.62, "annualRevenue", 6000000,
                "profitMargin", 0.32, "satisfaction", 4.5, "paymentOnTimeRate", 0.95, "segmentSize", "FEW")));
        answers.add(advise(api, customer, Map.of("purchaseShare", 0.35, "annualRevenue", 6000000,
                "profitMargin", -0.05, "revenueTrend", -0.3, "paymentOnTimeRate", 0.6, "openComplaints", 3)));
        answers.add(advise(api, customer, Map.of("purchaseShare", 0.9, "annualRevenue", 1500000,
                "profitMargin", 0.15, "satisfaction", 2.5, "segmentSize", "MANY")));
        assertVaried(answers);

        List<JsonNode> jsonl = jsonl(api, customer);
        List<List<String>> csv = Rfc4180.parse(text(api, "/v1/decisions/export?format=csv&customerId=" + customer));
        JsonNode page = api.get("/v1/decisions?customerId=" + customer).body();
        for (int i = 0; i < answers.size(); i++) {
            JsonNode answer = answers.get(i);
            String id = answer.get("decisionId").getStringValue();
            JsonNode view = api.get("/v1/decisions/" + id).body();
            JsonNode explanation = api.get("/v1/decisions/" + id + "/explanation").body().get("explanations");
            assertEquals(answer, view.get("output"), "decision view of " + id);
            assertEquals(answer.get("firedRules"), view.get("firedRules"));
            assertEquals(answer.get("firedRules"), page.get("items").get(i).get("firedRules"), "page summary");
            assertEquals(answer, jsonl.get(i).get("output"), "JSON lines export");
            assertEquals(answer.get("firedRules"), jsonl.get(i).get("firedRules"));
            assertEquals(explanation, jsonl.get(i).get("explanations"));
            List<String> row = csv.get(i + 1);
            assertEquals(answer, tree(row.get(14)), "CSV export");
            assertEquals(answer.get("firedRules"), tree(row.get(11)));
            assertEquals(explanation, tree(row.get(15)));
            assertExplains(answer, explanation);
        }
    }

    @Test
    void aNewDecisionIsStoredAsFactsWithoutItsRenderings() throws SQLException {
        AdviceApi api = new AdviceApi(client, json);
        JsonNode answer = advise(api, AdviceApi.uniqueCustomer("LEAN"), Map.of("purchaseShare", 0.62));

        try (Connection c = AuditDatabase.connect()) {
            String id = answer.get("decisionId").getStringValue();
            String where = " FROM decision_record WHERE decision_id = ?";
            assertEquals("111", AuditDatabase.text(c, "SELECT CONCAT(output_json IS NULL, fired_rules IS NULL,"
                    + " explanation_json IS NULL)" + where, id), "output, fired rules and explanation are not stored");
            String facts = AuditDatabase.text(c, "SELECT decision_json" + where, id);
            String firstRule = answer.get("firedRules").values().iterator().next().getStringValue();
            assertTrue(facts.contains("\"" + firstRule.split(" ", 2)[0] + "\""), "rule ids: " + facts);
            assertFalse(facts.contains(firstRule), "no rule names");
            assertFalse(facts.contains(answer.get("cooperationStage").get("label").getStringValue()), "no labels");
        }
    }

    /** The explanation has one entry per output of the answer, with the answer's codes and labels, citing fired rules. */
    private static void assertExplains(JsonNode answer, JsonNode explanation) {
        List<String> expected = new ArrayList<>();
        for (String single : List.of("cooperationStage", "lifecycleStage", "tier", "relationshipType")) {
            expected.add(single + "=" + answer.get(single).get("code").getStringValue() + "/"
                    + answer.get(single).get("label").getStringValue());
        }
        expected.add(1, "transition=" + answer.get("transition").getStringValue());
        answer.get("flags").values().forEach(f -> expected.add("flag=" + f.getStringValue()));
        answer.get("entitlements").values().forEach(e -> expected.add("entitlement=" + e.getStringValue()));
        answer.get("actions").values().forEach(a -> expected.add("action=" + a.get("code").getStringValue() + "/"
                + a.get("label").getStringValue()));
        List<String> actual = new ArrayList<>();
        List<String> fired = strings(answer.get("firedRules"));
        explanation.values().forEach(e -> {
            String output = e.get("output").getStringValue();
            boolean labelled = !output.equals("transition") && !output.equals("flag") && !output.equals("entitlement");
            actual.add(output + "=" + e.get("code").getStringValue() + (labelled ? "/" + e.get("label").getStringValue() : ""));
            e.get("rules").values().forEach(r -> assertTrue(fired.contains(r.get("rule").getStringValue()), r.toString()));
        });
        assertEquals(expected, actual);
        answer.get("actions").values().forEach(a -> assertFalse(strings(a.get("reasons")).isEmpty()));
    }

    private static void assertVaried(List<JsonNode> answers) {
        assertTrue(answers.get(0).get("entitlements").values().iterator().hasNext(), "entitlements");
        assertTrue(answers.get(1).get("flags").values().iterator().hasNext(), "flags");
        assertEquals("STABLE", answers.get(1).get("previousCooperationStage").get("code").getStringValue());
        assertTrue(answers.get(1).get("actions").size() > 1, "several actions");
        assertFalse(answers.get(2).get("transition").getStringValue().equals("NEW"), "a transition");
    }

    private JsonNode advise(AdviceApi api, String customer, Map<String, Object> facts) {
        Map<String, Object> request = AdviceApi.validRequest(customer);
        request.putAll(facts);
        AdviceApi.Reply reply = api.advise(request);
        assertEquals(200, reply.status(), reply.body().toString());
        return reply.body();
    }

    private List<JsonNode> jsonl(AdviceApi api, String customer) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : text(api, "/v1/decisions/export?format=jsonl&customerId=" + customer).split("\n")) {
            lines.add(tree(line));
        }
        return lines;
    }

    private static String text(AdviceApi api, String path) {
        return api.exchangeText(HttpRequest.GET(path)).body();
    }

    private JsonNode tree(String text) throws IOException {
        return json.readValue(text, JsonNode.class);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.values().forEach(v -> out.add(v.getStringValue()));
        return out;
    }
}
