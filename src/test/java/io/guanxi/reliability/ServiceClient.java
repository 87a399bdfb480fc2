package io.guanxi.reliability;

import io.guanxi.testing.ApiKeyTestFilter;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Talks JSON to a forked service over plain java.net.http, with the all-roles test key: advice,
 * stored decisions, the audit chain and the whole log as the audit query API pages it.
 */
final class ServiceClient {

    static final JsonMapper JSON = JsonMapper.createDefault();
    /** Generous: a request outlives a busy machine, not a dead server (whose connections reset at once). */
    private static final Duration REQUEST_LIMIT = Duration.ofSeconds(30);

    /** A response: its status and its body as a JSON tree (null when empty). */
    record Reply(int status, JsonNode body) {

        String text(String field) {
            JsonNode node = body == null ? null : body.get(field);
            return node == null || node.isNull() ? null : node.getStringValue();
        }

        /** The code of a coded field such as {@code cooperationStage}; null when the field is null. */
        String code(String field) {
            JsonNode node = body.get(field);
            return node == null || node.isNull() ? null : node.get("code").getStringValue();
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ForkedService service;

    ServiceClient(ForkedService service) {
        this.service = service;
    }

    Reply advise(String body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(service.uri("/v1/advice")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Reply get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(service.uri(path)).GET());
    }

    /** Whether {@code GET /v1/audit/verify} finds the whole chain intact; the reply says why not. */
    Reply verify() throws IOException, InterruptedException {
        return get("/v1/audit/verify");
    }

    /** Every record matching the query ({@code ""} for all), in the order stored, page by page. */
    List<JsonNode> decisions(String query) throws IOException, InterruptedException {
        List<JsonNode> all = new ArrayList<>();
        String cursor = null;
        do {
            Reply page = get("/v1/decisions?limit=1000" + query + (cursor == null ? "" : "&cursor=" + cursor));
            if (page.status() != 200) {
                throw new IllegalStateException("audit query " + query + " answered " + page.status() + ": "
                        + page.body());
            }
            page.body().get("items").values().forEach(all::add);
            cursor = page.text("nextCursor");
        } while (cursor != null);
        return all;
    }

    private Reply send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.timeout(REQUEST_LIMIT)
                .header("X-API-Key", ApiKeyTestFilter.ALL_ROLES).build(), HttpResponse.BodyHandlers.ofString());
        String body = response.body();
        return new Reply(response.statusCode(), body == null || body.isEmpty() ? null : JSON.readValue(body,
                JsonNode.class));
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
