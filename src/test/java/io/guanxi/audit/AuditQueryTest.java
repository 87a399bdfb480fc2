package io.guanxi.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guanxi.advice.AdviceApi;
import io.guanxi.rules.lifecycle.RulesWorkspace;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** An auditor finds decisions by customer, period, tier, fired rule and transition, page by page. */
@MicronautTest(transactional = false)
class AuditQueryTest {

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    JsonMapper json;

    /** Three decisions for one customer: NEW at STABLE/STRATEGIC tier, a share drop (REGRESSED), a hold. */
    private List<AdviceApi.Reply> history(AdviceApi api, String customer) throws InterruptedException {
        Map<String, Object> request = AdviceApi.validRequest(customer);
        List<AdviceApi.Reply> replies = new ArrayList<>();
        for (double share : new double[] {0.62, 0.45, 0.45}) {
            request.put("purchaseShare", share);
            request.put("annualRevenue", share > 0.5 ? 6000000 : 500000);
            replies.add(api.advise(request));
            Thread.sleep(3); // distinct decidedAt milliseconds, for the period filter
        }
        return replies;
    }

    @Test
    void eachFilterSelectsItsDecisions() throws InterruptedException {
        AdviceApi api = new AdviceApi(client, json);
        String customer = AdviceApi.uniqueCustomer("AUD");
        List<AdviceApi.Reply> d = history(api, customer);
        api.advise(AdviceApi.validRequest(AdviceApi.uniqueCustomer("AUD")));
        String c = "/v1/decisions?customerId=" + customer;

        assertEquals(ids(d, 0, 1, 2), ids(api.get(c)));
        assertEquals(List.of(), ids(api.get(c.toLowerCase().replace("/v1/decisions?customerid=", "/v1/decisions?customerId="))));
        assertEquals(ids(d, 1), ids(api.get(c + "&from=" + d.get(1).text("decidedAt") + "&to=" + d.get(2).text("decidedAt"))));
        assertEquals(List.of(), ids(api.get(c + "&from=" + d.get(1).text("decidedAt") + "&to=" + d.get(1).text("decidedAt"))),
                "an empty period");
        assertEquals(ids(d, 1, 2), ids(api.get(c + "&from=" + d.get(1).text("decidedAt"))));
        assertEquals(ids(d, 0), ids(api.get(c + "&to=" + d.get(1).text("decidedAt"))));
        assertEquals(ids(d, 0), ids(api.get(c + "&tier=STRATEGIC")));
        assertEquals(ids(d, 1), ids(api.get(c + "&transition=REGRESSED")));
        assertEquals(ids(d, 1), ids(api.get(c + "&rule=COOP-140")));
        assertEquals(ids(d, 0), ids(api.get(c + "&rule=" + enc(rule(d.get(0), "TIER-010")))));
        assertEquals(List.of(), ids(api.get(c + "&rule=" + enc(rule(d.get(0), "TIER-010") + " (edited)"))));
        assertEquals(ids(d, 1, 2), ids(api.get(c + "&rule=COOP-020&from=" + d.get(1).text("decidedAt"))));
    }

    @Test
    void ruleFilterFindsDecisionsByAnyIdARuleSetMayUse(@TempDir Path rulesCopy) {
        RulesWorkspace rules = new RulesWorkspace(rulesCopy);
        rules.edit("cooperation-stage.drl", "rule \"COOP-020 ", "rule \"coop_1 ");
        try (EmbeddedServer server = rules.start(Map.of("guanxi.watch-rules", false))) {
            AdviceApi api = RulesWorkspace.api(server);
            String customer = AdviceApi.uniqueCustomer("AUD");
            Map<String, Object> request = AdviceApi.validRequest(customer);
            request.put("purchaseShare", 0.3);
            List<AdviceApi.Reply> d = List.of(api.advise(request));
            String c = "/v1/decisions?customerId=" + customer;

            assertEquals(ids(d, 0), ids(api.get(c + "&rule=coop_1")));
            assertEquals(ids(d, 0), ids(api.get(c + "&rule=" + enc(rule(d.get(0), "coop_1")))));
        }
    }

    @Test
    void pagesWalkEveryDecisionOnceWhileOthersAreInserted() throws InterruptedException {
        AdviceApi api = new AdviceApi(client, json);
        String customer = AdviceApi.uniqueCustomer("PAGE");
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            expected.add(api.advise(AdviceApi.validRequest(customer)).text("decisionId"));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            AdviceApi.Reply page = api.get("/v1/decisions?limit=2&customerId=" + customer
                    + (cursor == null ? "" : "&cursor=" + cursor));
            assertEquals(200, page.status());
            assertTrue(page.body().get("items").size() <= 2);
            seen.addAll(ids(page));
            cursor = page.text("nextCursor");
            if (pages++ < 2) {
                // Written between page fetches: it sorts after every record already seen, so it is met later.
                expected.add(api.advise(AdviceApi.validRequest(customer)).text("decisionId"));
                api.advise(AdviceApi.validRequest(AdviceApi.uniqueCustomer("PAGE")));
            }
        } while (cursor != null);
        assertEquals(expected, seen, "every decision once, in the order stored");
    }

    @Test
    void lastPageHasNoCursor() {
        AdviceApi api = new AdviceApi(client, json);
        String customer = AdviceApi.uniqueCustomer("LAST");
        api.advise(AdviceApi.validRequest(customer));

        AdviceApi.Reply page = api.get("/v1/decisions?customerId=" + customer + "&limit=1");

        assertEquals(1, page.body().get("items").size());
        assertNull(page.text("nextCursor"));
        JsonNode item = page.body().get("items").get(0);
        assertEquals(customer, item.get("customerId").getStringValue());
        assertEquals("NEW", item.get("transition").getStringValue());
        assertTrue(item.get("firedRules").size() > 0);
    }

    @ParameterizedTest(name = "{0} is refused naming {1}")
    @CsvSource(delimiter = '|', value = {
        "limit=0|limit", "limit=1001|limit", "limit=ten|limit", "cursor=bm90LWEtY3Vyc29y|cursor", "cursor=%25%25|cursor",
        "tier=GOLD|tier", "transition=JUMPED|transition", "from=2026-11-23|from", "to=yesterday|to",
        "from=2026-11-24T00:00:00Z&to=2026-11-23T00:00:00Z|to", "rule=TIER:010|rule", "customerId=a%20b|customerId",
        "tire=KEY|tire", "tier=KEY&tier=KEY|tier",
        "from=%2B1000000000-01-01T00:00:00Z|from", "to=-1000000000-01-01T00:00:00Z|to"})
    void badParametersAreRefusedByName(String query, String field) {
        AdviceApi.Reply reply = new AdviceApi(client, json).get("/v1/decisions?" + query);

        assertEquals(400, reply.status(), reply.toString());
        assertTrue(reply.contentType().startsWith("application/problem+json"));
        List<String> fields = new ArrayList<>();
        reply.body().get("errors").values().forEach(e -> fields.add(e.get("field").getStringValue()));
        assertEquals(List.of(field), fields);
    }

    @Test
    void everyBadParameterIsListedAtOnce() {
        AdviceApi.Reply reply = new AdviceApi(client, json).get("/v1/decisions?limit=0&tier=GOLD&cursor=x&from=today");

        List<String> fields = new ArrayList<>();
        reply.body().get("errors").values().forEach(e -> fields.add(e.get("field").getStringValue()));
        assertEquals(List.of("from", "tier", "cursor", "limit"), fields);
    }

    private static String rule(AdviceApi.Reply advice, String id) {
        for (JsonNode r : advice.body().get("firedRules").values()) {
            if (r.getStringValue().startsWith(id + " ")) {
                return r.getStringValue();
            }
        }
        throw new AssertionError(id + " did not fire");
    }

    private static List<String> ids(List<AdviceApi.Reply> replies, int... which) {
        List<String> ids = new ArrayList<>();
        for (int i : which) {
            ids.add(replies.get(i).text("decisionId"));
        }
        return ids;
    }

    static List<String> ids(AdviceApi.Reply page) {
        assertEquals(200, page.status(), String.valueOf(page.body()));
        List<String> ids = new ArrayList<>();
        page.body().get("items").values().forEach(i -> ids.add(i.get("decisionId").getStringValue()));
        return ids;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
