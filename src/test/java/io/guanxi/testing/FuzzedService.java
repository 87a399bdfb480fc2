package io.guanxi.testing;

import io.guanxi.platform.security.ApiKeyAuthenticationFetcher;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /** Sends a GET whose target is written as given, byte for byte: broken escapes no client would send. */
    public Answer getRaw(String target) {
        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            socket.setSoTimeout((int) REQUEST_LIMIT.toMillis());
            socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                    + ApiKeyAuthenticationFetcher.HEADER + ": " + ApiKeyTestFilter.ALL_ROLES + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int end = response.indexOf("\r\n\r\n");
            String head = end < 0 ? response : response.substring(0, end);
            Matcher type = Pattern.compile("(?im)^content-type:\\s*(.+)$").matcher(head);
            return new Answer(Integer.parseInt(head.substring(9, 12)), type.find() ? type.group(1).strip() : null,
                    end < 0 ? "" : response.substring(end + 4));
        } catch (IOException e) {
            throw new AssertionError("GET " + target + " got no answer within " + REQUEST_LIMIT, e);
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
