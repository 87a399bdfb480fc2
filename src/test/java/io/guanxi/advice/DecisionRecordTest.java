package io.guanxi.advice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guanxi.testing.Poll;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every answered decision is stored with its validated input, output, fired rules and rule-set version. */
@MicronautTest(transactional = false)
class DecisionRecordTest {

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    JsonMapper json;

    @Test
    void storedRecordHoldsInputOutputFiredRulesAndVersion() {
        AdviceApi api = new AdviceApi(client, json);
        String customer = AdviceApi.uniqueCustomer("REC");
        Map<String, Object> request = AdviceApi.validRequest(customer);
        request.put("industry", "机械制造");
        request.put("requestId", AdviceApi.uniqueCustomer("req"));
        AdviceApi.Reply advice = api.advise(request);

        AdviceApi.Reply stored = api.get("/v1/decisions/" + advice.text("decisionId"));

        assertEquals(200, stored.status());
        assertEquals(advice.text("decisionId"), stored.text("decisionId"));
        assertEquals(request.get("requestId"), stored.text("requestId"));
        assertEquals(advice.text("rulesetVersion"), stored.text("rulesetVersion"));
        assertEquals(advice.text("decidedAt"), stored.text("decidedAt"));
        assertEquals(advice.body(), stored.body().get("output"), "the output exactly as answered");
        assertEquals(advice.body().get("firedRules"), stored.body().get("firedRules"));
        JsonNode input = stored.body().get("input");
        assertEquals("机械制造", input.get("industry").getStringValue());
        assertEquals(0, input.get("openComplaints").getIntValue(), "defaults applied");
        assertTrue(input.get("satisfaction").isNull(), "unknown stays unknown");
        assertTrue(stored.body().get("evaluationMicros").getLongValue() >= 0);
    }

    @Test
    void aSealedDecisionShowsItsPlaceInTheChainWhichVerifies() {
        AdviceApi api = new AdviceApi(client, json);
        String id = api.advise(AdviceApi.validRequest(AdviceApi.uniqueCustomer("REC"))).text("decisionId");
        // Sealed by the appender moments after the answer.
        JsonNode chain = Poll.until("decision " + id + " shows its place in the chain", Duration.ofSeconds(10),
                () -> api.get("/v1/decisions/" + id).body().get("chain"), c -> !c.isNull());
        long seq = chain.get("seq").getLongValue();
        assertTrue(seq >= 1 && chain.get("hash").getStringValue().matches("[0-9a-f]{64}"), chain::toString);
        JsonNode verified = api.get("/v1/audit/verify?from=" + seq + "&to=" + seq).body();
        assertEquals(true, verified.get("ok").getBooleanValue(), verified::toString);
        assertEquals(chain.get("hash"), verified.get("headHash"), "the hash shown is the one the chain holds");
    }

    @ParameterizedTest(name = "decision id {0} is 404")
    @ValueSource(strings = {"00000000-0000-0000-0000-000000000000", "not-a-uuid", "x"})
    void unknownDecisionReturns404(String id) {
        AdviceApi.Reply reply = new AdviceApi(client, json).get("/v1/decisions/" + id);

        assertEquals(404, reply.status());
        assertTrue(reply.contentType().startsWith("application/problem+json"));
        assertTrue(reply.text("detail").contains(id));
    }

    @ParameterizedTest(name = "{0} is 404")
    @ValueSource(strings = {"/v1/decisions/caf%C3%A9", "/v1/decisions/%C0%AF", "/v1/decisions/%E5%85%B3/explanation"})
    void decisionIdOutsideAsciiIsNotFound(String path) {
        AdviceApi.Reply reply = new AdviceApi(client, json).get(path);

        assertEquals(404, reply.status(), () -> String.valueOf(reply.body()));
        assertTrue(reply.contentType().startsWith("application/problem+json"));
    }

    @Test
    void customerIdsAreCaseSensitive() {
        AdviceApi api = new AdviceApi(client, json);
        String upper = AdviceApi.uniqueCustomer("CASE").toUpperCase();
        Map<String, Object> first = AdviceApi.validRequest(upper);
        first.put("purchaseShare", 0.9);
        api.advise(first);

        AdviceApi.Reply lower = api.advise(AdviceApi.validRequest(upper.toLowerCase()));

        assertEquals("NEW", lower.text("transition"), "acme-1 is not ACME-1");
    }

    @Test
    void liveRuleSetIsDescribed() {
        AdviceApi api = new AdviceApi(client, json);
        AdviceApi.Reply ruleset = api.get("/v1/ruleset");
        AdviceApi.Reply advice = api.advise(AdviceApi.validRequest(AdviceApi.uniqueCustomer("RS")));

        assertEquals(200, ruleset.status());
        assertEquals(advice.text("rulesetVersion"), ruleset.text("version"));
        assertTrue(ruleset.body().get("files").size() >= 6);
        assertTrue(ruleset.body().get("ruleCount").getIntValue() > 0);
    }

    @Test
    void healthIsUp() {
        AdviceApi.Reply health = new AdviceApi(client, json).get("/health");

        assertEquals(200, health.status());
        assertEquals("UP", health.text("status"));
    }
}
