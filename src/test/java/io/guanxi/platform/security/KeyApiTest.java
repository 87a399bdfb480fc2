package io.guanxi.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.guanxi.advice.AdviceApi;
import io.guanxi.testing.ApiKeyTestFilter;
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

/** A client learns what its own key may do, and nothing about any other key. */
@MicronautTest(transactional = false)
class KeyApiTest {

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    JsonMapper json;

    @Test
    void aKeyReadsItsOwnRolesAndAnUnknownKeyIsRefused() {
        AdviceApi api = new AdviceApi(client, json);
        assertEquals(List.of("ANALYST"), roles(api, ApiKeyTestFilter.ANALYST));
        assertEquals(List.of("ADVICE_CLIENT", "ANALYST", "AUDITOR", "OPERATOR", "RULES_ADMIN"), roles(api, ApiKeyTestFilter.ALL_ROLES));
        assertEquals(401, api.exchange(HttpRequest.GET("/v1/me").header("X-API-Key", "not-a-key")).status());
    }

    private static List<String> roles(AdviceApi api, String key) {
        AdviceApi.Reply reply = api.exchange(HttpRequest.GET("/v1/me").header("X-API-Key", key));
        assertEquals(200, reply.status());
        return StreamSupport.stream(reply.body().get("roles").values().spliterator(), false)
                .map(JsonNode::getStringValue).toList();
    }
}
