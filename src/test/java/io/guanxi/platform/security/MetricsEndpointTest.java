package io.guanxi.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guanxi.advice.AdviceApi;
import io.guanxi.advice.AdviceApi.Reply;
import io.guanxi.platform.web.Problem;
import io.guanxi.rules.RuleId;
import io.guanxi.rules.lifecycle.RulesWorkspace;
import io.guanxi.testing.ApiKeyTestFilter;
import io.guanxi.testing.Scrape;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GET /prometheus: only a key with the OPERATOR role reads it (as X-API-Key or as a Bearer token,
 * which is what a Prometheus scrape config sends), and it shows what happened — decisions by
 * outcome, latency histograms, rule firings by rule id, rule-set reloads by outcome — next to the
 * JVM, process and connection-pool meters.
 */
@MicronautTest(transactional = false)
class MetricsEndpointTest {

    @TempDir
    Path rulesCopy;

    @Inject
    EmbeddedServer server;

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    JsonMapper json;

    @Test
    void onlyTheOperatorRoleMayScrape() {
        URI uri = server.getURI();
        assertProblem(Scrape.get(uri, "/prometheus", null, null), 401);
        assertProblem(Scrape.get(uri, "/prometheus", "Authorization", "Bearer not-a-key"), 401);
        for (String key : List.of(ApiKeyTestFilter.ADVICE_CLIENT, ApiKeyTestFilter.AUDITOR, ApiKeyTestFilter.RULES_ADMIN)) {
            assertProblem(Scrape.get(uri, "/prometheus", "X-API-Key", key), 403);
            assertProblem(Scrape.get(uri, "/prometheus", "Authorization", "Bearer " + key), 403);
            assertFalse(Scrape.get(uri, "/prometheus/", "X-API-Key", key).body().contains("jvm_"), key);
        }
        HttpResponse<String> byHeader = Scrape.get(uri, "/prometheus", "X-API-Key", ApiKeyTestFilter.OPERATOR);
        HttpResponse<String> byBearer = Scrape.get(uri, "/prometheus", "Authorization", "Bearer " + ApiKeyTestFilter.OPERATOR);
        assertEquals(200, byHeader.statusCode(), byHeader.body());
        assertEquals(200, byBearer.statusCode(), byBearer.body());
        assertTrue(byBearer.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
    }

    @Test
    void adviceOutcomesLatencyAndRuleFiringsAreCounted() {
        AdviceApi api = new AdviceApi(client, json);
        Map<String, Object> request = AdviceApi.validRequest(AdviceApi.uniqueCustomer("METRICS"));
        request.put("requestId", "req-" + request.get("customerId"));
        Scrape before = Scrape.of(server.getURI());

        Reply decided = api.advise(request);
        assertEquals(200, api.advise(request).status(), "the same requestId again replays the decision");
        request.put("purchaseShare", 0.9);
        assertEquals(409, api.advise(request).status());
        assertEquals(400, api.postRaw("{\"purchaseShare\":\"0.5\"}", "application/json").status());
        Scrape after = Scrape.of(server.getURI());

        assertEquals(200, decided.status());
        assertEquals(2, after.since(before, "guanxi_decisions_total", "outcome=answered", "status=200"));
        assertEquals(1, after.since(before, "guanxi_decisions_total", "cause=idempotency_conflict", "status=409"));
        assertEquals(1, after.since(before, "guanxi_decisions_total", "cause=invalid_input", "status=400"));
        assertEquals(0, after.since(before, "guanxi_decisions_total", "cause=log_unavailable"));
        assertEquals(1, after.since(before, "guanxi_rules_evaluation_seconds_count"), "only the new decision evaluated");
        assertEquals(4, after.since(before, "http_server_requests_seconds_count", "uri=/v1/advice"));
        assertTrue(after.series("http_server_requests_seconds_bucket", "uri=/v1/advice", "status=409") > 10,
                "a latency histogram of the advice endpoint, by status");
        assertTrue(after.series("guanxi_rules_evaluation_seconds_bucket") > 10, "a histogram of evaluation times");
        List<String> fired = new ArrayList<>();
        decided.body().get("firedRules").values().forEach((JsonNode rule) -> fired.add(rule.getStringValue()));
        assertFalse(fired.isEmpty());
        for (String rule : fired) {
            String id = RuleId.ofRuleName(rule).toString();
            assertEquals(1, after.since(before, "guanxi_rules_fired_total", "rule=" + id), id);
        }
    }

    @Test
    void jvmProcessAndPoolMetersAreExposed() {
        Scrape scrape = Scrape.of(server.getURI());
        for (String name : List.of("jvm_memory_used_bytes", "jvm_threads_live_threads", "process_cpu_usage",
                "process_uptime_seconds", "hikaricp_connections_active", "hikaricp_connections_max")) {
            assertTrue(scrape.has(name), name);
        }
    }

    @Test
    void reloadsAreCountedByTriggerAndOutcome() {
        RulesWorkspace workspace = new RulesWorkspace(rulesCopy);
        try (EmbeddedServer rules = workspace.start(Map.of("guanxi.watch-rules", false))) {
            AdviceApi api = RulesWorkspace.api(rules);
            assertEquals(200, api.exchange(HttpRequest.POST("/v1/ruleset/reload", "")).status());
            workspace.edit("actions.csv", "POST_SALE_CALLBACK,售后回访", "POST_SALE_CALLBACK,售后电话回访");
            assertEquals(200, api.exchange(HttpRequest.POST("/v1/ruleset/reload", "")).status());
            workspace.write("broken.drl", "package guanxi;\nrule \"X-1\"\nwhen\n  Nope(\nthen\nend\n");
            assertEquals(422, api.exchange(HttpRequest.POST("/v1/ruleset/reload", "")).status());

            Scrape scrape = Scrape.of(rules.getURI());
            assertEquals(1, scrape.value("guanxi_ruleset_reloads_total", "trigger=startup", "outcome=activated"));
            assertEquals(1, scrape.value("guanxi_ruleset_reloads_total", "trigger=api", "outcome=unchanged"));
            assertEquals(1, scrape.value("guanxi_ruleset_reloads_total", "trigger=api", "outcome=activated"));
            assertEquals(1, scrape.value("guanxi_ruleset_reloads_total", "trigger=api", "outcome=rejected"));
        }
    }


    private static void assertProblem(HttpResponse<String> response, int status) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith(Problem.CONTENT_TYPE));
        assertFalse(response.body().contains("jvm_"), response.body());
    }
}
