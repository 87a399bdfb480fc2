package io.guanxi.rules.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.guanxi.advice.AdviceApi;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** The diff endpoint compares stored versions only, and names what is wrong with a request. */
@MicronautTest(transactional = false)
class RuleSetDiffApiTest {

    private static final String UNKNOWN = "sha256:" + "0".repeat(64);

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    JsonMapper json;

    @Test
    void aVersionAgainstItselfHasNoChangeAndEveryRuleUnchanged() {
        AdviceApi api = new AdviceApi(client, json);
        JsonNode live = api.get("/v1/ruleset").body();
        String version = live.get("version").getStringValue();
        JsonNode diff = api.get("/v1/ruleset/diff?from=" + version + "&to=" + version).body();
        assertEquals(0, diff.get("rules").size());
        assertEquals(live.get("ruleCount").getIntValue(), diff.get("unchangedRules").getIntValue());
        for (JsonNode file : diff.get("files").values()) {
            assertEquals("UNCHANGED", file.get("change").getStringValue());
        }
    }

    @Test
    void badAndUnknownVersionsAreRefusedByName() {
        AdviceApi api = new AdviceApi(client, json);
        AdviceApi.Reply bad = api.exchange(HttpRequest.GET("/v1/ruleset/diff?from=nope"));
        assertEquals(400, bad.status());
        assertEquals(List.of("from", "to"), StreamSupport.stream(bad.body().get("errors").values().spliterator(), false)
                .map(e -> e.get("field").getStringValue()).toList());
        String live = api.get("/v1/ruleset").text("version");
        assertEquals(404, api.exchange(HttpRequest.GET("/v1/ruleset/diff?from=" + live + "&to=" + UNKNOWN)).status());
    }
}
