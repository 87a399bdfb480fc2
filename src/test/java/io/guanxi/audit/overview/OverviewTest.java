package io.guanxi.audit.overview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.guanxi.advice.AdviceApi;
import io.guanxi.testing.ApiKeyTestFilter;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The overview counts exactly the decisions logged: what a handful of new decisions add to today's
 * tiers, stages, transitions and rule hits is what they were. Other tests share the database, so
 * each figure is compared before and after.
 */
@MicronautTest(transactional = false)
class OverviewTest {

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    JsonMapper json;

    @Test
    void newDecisionsAddExactlyTheirTiersStagesTransitionsAndRuleHits() {
        AdviceApi api = new AdviceApi(client, json);
        JsonNode before = overview(api);
        String strategic = AdviceApi.uniqueCustomer("OVERVIEW");
        List<JsonNode> answers = new ArrayList<>();
        for (double share : new double[] {0.62, 0.82}) {
            answers.add(api.advise(AdviceApi.largeAccount(strategic, share)).body());
        }
        answers.add(api.advise(AdviceApi.validRequest(AdviceApi.uniqueCustomer("OVERVIEW"))).body());
        JsonNode after = overview(api);

        assertEquals(3, count(after, "decisions") - count(before, "decisions"));
        // STABLE at 0.62 then STRATEGIC at 0.82 (a STRATEGIC tier with 6M revenue), and one settled INITIAL customer.
        assertEquals(1, delta(before, after, "stages", "STABLE"));
        assertEquals(1, delta(before, after, "stages", "STRATEGIC"));
        assertEquals(1, delta(before, after, "stages", "INITIAL"));
        assertEquals(3, delta(before, after, "tiers", "STRATEGIC") + delta(before, after, "tiers", "KEY")
                + delta(before, after, "tiers", "GROWTH") + delta(before, after, "tiers", "STANDARD"));
        assertEquals(2, count(after.get("transitions"), "NEW") - count(before.get("transitions"), "NEW"));
        assertEquals(1, count(after.get("transitions"), "ADVANCED") - count(before.get("transitions"), "ADVANCED"));
        // The most fired rules depend on what the database holds; every rule listed before and after
        // grew by exactly the decisions above that fired it, counted from the rule bitmaps.
        Map<String, Long> hitsBefore = hits(before);
        Map<String, Long> hitsAfter = hits(after);
        hitsBefore.keySet().retainAll(hitsAfter.keySet());
        assertFalse(hitsBefore.isEmpty(), "the most fired rules stay among the most fired after three decisions");
        hitsBefore.forEach((rule, was) -> assertEquals(firedIn(answers, rule), hitsAfter.get(rule) - was, rule));
        assertEquals("战略大客户", after.get("labels").get("tier").get("STRATEGIC").getStringValue());
    }

    @Test
    void daysOutsideOneToAYearAreRefusedByName() {
        AdviceApi api = new AdviceApi(client, json);
        for (String days : new String[] {"0", "367", "abc", "-1", "1.5"}) {
            AdviceApi.Reply reply = api.exchange(HttpRequest.GET("/v1/audit/overview?days=" + days));
            assertEquals(400, reply.status(), days);
            assertEquals("days", reply.body().get("errors").get(0).get("field").getStringValue());
        }
        assertEquals(7, api.get("/v1/audit/overview?days=7").body().get("days").size(), "one entry per day, empty ones too");
        assertEquals(403, api.exchange(HttpRequest.GET("/v1/audit/overview")
                .header("X-API-Key", ApiKeyTestFilter.ADVICE_CLIENT)).status());
    }

    /** The overview of the last two days, once the audit indexer has reached the head. */
    private static JsonNode overview(AdviceApi api) {
        api.awaitIndexed("the audit indexer reaches the head");
        return api.get("/v1/audit/overview?days=2").body();
    }

    /** How much a code's count over the period's days grew (summed over the days: the test may cross midnight). */
    private static long delta(JsonNode before, JsonNode after, String by, String code) {
        return sum(after, by, code) - sum(before, by, code);
    }

    private static long sum(JsonNode overview, String by, String code) {
        long sum = 0;
        for (JsonNode day : overview.get("days").values()) {
            sum += count(day.get(by), code);
        }
        return sum;
    }

    private static long count(JsonNode node, String field) {
        return node.get(field).getLongValue();
    }

    /** The most fired rules of the overview, by id, with the decisions that fired each. */
    private static Map<String, Long> hits(JsonNode overview) {
        Map<String, Long> hits = new HashMap<>();
        for (JsonNode r : overview.get("rules").values()) {
            hits.put(r.get("rule").getStringValue(), r.get("decisions").getLongValue());
        }
        return hits;
    }

    /** How many of the answers fired the rule (their firedRules name it by id, then what it does). */
    private static long firedIn(List<JsonNode> answers, String rule) {
        long decisions = 0;
        for (JsonNode answer : answers) {
            for (JsonNode fired : answer.get("firedRules").values()) {
                if (fired.getStringValue().startsWith(rule + " ")) {
                    decisions++;
                    break;
                }
            }
        }
        return decisions;
    }
}
