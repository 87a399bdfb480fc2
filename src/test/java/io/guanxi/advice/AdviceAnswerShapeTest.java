package io.guanxi.advice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class AdviceAnswerShapeTest {

    private static final List<String> FIELDS = List.of("decisionId", "customerId", "rulesetVersion",
            "cooperationStage", "previousCooperationStage", "transition", "lifecycleStage", "tier",
            "relationshipType", "flags", "entitlements", "actions", "firedRules", "decidedAt");

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    JsonMapper json;

    @Test
    void firstAdviceCarriesEveryFieldWithCodesLabelsAndNulls() {
        AdviceApi api = new AdviceApi(client, json);
        String customer = AdviceApi.uniqueCustomer("SHAPE");
        AdviceApi.Reply reply = api.advise(AdviceApi.validRequest(customer));

        assertEquals(200, reply.status());
        JsonNode body = reply.body();
        for (String field : FIELDS) {
            assertTrue(body.get(field) != null, "missing " + field);
        }
        assertEquals(FIELDS.size(), body.size(), "no field beyond the contract");
        assertEquals(customer, reply.text("customerId"));
        assertEquals("INITIAL", body.get("cooperationStage").get("code").getStringValue());
        assertEquals("初期合作", body.get("cooperationStage").get("label").getStringValue());
        assertTrue(body.get("previousCooperationStage").isNull());
        assertEquals("NEW", reply.text("transition"));
        assertTrue(body.get("flags").isArray() && body.get("flags").size() == 0);
        assertTrue(body.get("entitlements").isArray() && body.get("entitlements").size() == 0);
        assertTrue(reply.text("rulesetVersion").matches("sha256:[0-9a-f]{64}"));
        assertTrue(reply.text("decidedAt").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"));
        JsonNode first = body.get("actions").get(0);
        assertEquals(1, first.get("priority").getIntValue());
        assertTrue(first.get("reasons").get(0).getStringValue().startsWith("NBA-"));
    }

    @Test
    void secondAdviceReportsThePreviousStageAndTheTransition() {
        AdviceApi api = new AdviceApi(client, json);
        String customer = AdviceApi.uniqueCustomer("SHAPE");
        api.advise(AdviceApi.validRequest(customer));
        Map<String, Object> next = AdviceApi.validRequest(customer);
        next.put("purchaseShare", 0.55);

        AdviceApi.Reply reply = api.advise(next);

        assertEquals("ADVANCED", reply.text("transition"));
        assertEquals("INITIAL", reply.body().get("previousCooperationStage").get("code").getStringValue());
        assertEquals("STABLE", reply.body().get("cooperationStage").get("code").getStringValue());
    }
}
