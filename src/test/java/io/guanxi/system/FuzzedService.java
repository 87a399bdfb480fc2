package io.guanxi.system;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * The real service (real rules, the embedded MariaDB) for fuzz tests, which jqwik runs without
 * Micronaut's JUnit extension, and a plain HTTP client that sends exactly the bytes and headers a
 * test gives, each request bounded in time so that a hang fails the test instead of stalling it.
 */
public final class FuzzedService implements AutoCloseable {

    /** Long enough for a slow shared machine, short enough to call a hang a hang. */
    static final Duration REQUEST_LIMIT = Duration.ofSeconds(20);

    /** One answer as the client saw it. */
    public record Answer(int status, String contentType, String body) {

        @Override
        public String toString() {
            return status + " " + contentType + " " + FuzzAnswers.shown(String.valueOf(body));
        }
    }

    private final EmbeddedServer server;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(REQUEST_LIMIT).build();

    private FuzzedService(EmbeddedServer server) {
        this.server = server;
    }

    public static FuzzedService start() {
        return new FuzzedService(ApplicationContext.run(EmbeddedServer.class, Map.of("micronaut.server.port", -1), "test"));
    }

    /** Sends one request with the all-roles key; {@code contentType} null sends none. */
    public Answer send(String method, String pathAndQuery, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURI() + pathAndQuery))
                .timeout(REQUEST_LIMIT)
                .header(ApiKeyAuthenticationFetcher.HEADER, ApiKeyTestFilter.ALL_ROLES)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null), response.body());
        } catch (IOException e) {
            throw new AssertionError(method + " " + pathAndQuery + " got no answer within " + REQUEST_LIMIT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    public Answer get(String pathAndQuery) {
        return send("GET", pathAndQuery, null, null);
    }

    public <T> T bean(Class<T> type) {
        return server.getApplicationContext().getBean(type);
    }

    @Override
    public void close() {
        server.getApplicationContext().close();
    }
}
