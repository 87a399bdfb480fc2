package io.guanxi.advice;

import io.guanxi.testing.Poll;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntFunction;

/**
 * Talks to the running service over real HTTP the way a front-end does, returning status and
 * parsed JSON body whatever the status.
 */
public final class AdviceApi {

    /** A response: status, content type and the body as a JSON tree (null when empty). */
    public record Reply(int status, String contentType, JsonNode body) {

        public String text(String field) {
            JsonNode node = body.get(field);
            return node == null || node.isNull() ? null : node.getStringValue();
        }
    }

    /** A response whose body is kept as text (an export is not one JSON document). */
    public record Text(int status, String contentType, String contentDisposition, String body) {
    }

    private final HttpClient client;
    private final JsonMapper json;

    public AdviceApi(HttpClient client, JsonMapper json) {
        this.client = client;
        this.json = json;
    }

    /** A customer id no other test (or earlier run on the same database) uses. */
    private static final double[] VARIED_SHARES = {0.0, 0.3, 0.55, 0.85};

    public static String uniqueCustomer(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A valid request for a settled INITIAL / FORMATION / STANDARD customer; change what the test is about. */
    public static Map<String, Object> validRequest(String customerId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("customerId", customerId);
        body.put("purchaseShare", 0.30);
        body.put("annualRevenue", 500000);
        body.put("profitMargin", 0.15);
        body.put("revenueTrend", 0.05);
        body.put("orderCount12m", 12);
        body.put("tenureMonths", 24);
        body.put("segmentSize", "MEDIUM");
        return body;
    }

    /** A large account (revenue 6,000,000) at a purchase share: its tier follows its stage to STRATEGIC. */
    public static Map<String, Object> largeAccount(String customerId, double share) {
        Map<String, Object> body = validRequest(customerId);
        body.put("purchaseShare", share);
        body.put("annualRevenue", 6_000_000);
        return body;
    }

    /**
     * A valid request whose share and revenue vary with {@code i}, so that decisions made in a run
     * differ in stage, tier and fired rules.
     */
    public static Map<String, Object> variedRequest(String customerId, int i) {
        Map<String, Object> body = validRequest(customerId);
        body.put("purchaseShare", VARIED_SHARES[i % VARIED_SHARES.length]);
        body.put("annualRevenue", 1_500_000 * (i % 5));
        return body;
    }

    public Reply advise(Map<String, Object> body) {
        return postRaw(write(body), MediaType.APPLICATION_JSON);
    }

    public Reply postRaw(String body, String contentType) {
        MutableHttpRequest<String> request = HttpRequest.POST("/v1/advice", body);
        if (contentType != null) {
            request.contentType(contentType);
        }
        return exchange(request);
    }

    /**
     * Waits until the audit indexer has reached the chain's head ({@code GET /v1/audit/head}, which
     * needs the AUDITOR role); fails with {@code what} when it has not within a minute.
     */
    public void awaitIndexed(String what) {
        Poll.until(what, Duration.ofSeconds(60),
                () -> get("/v1/audit/head").body().get("index").get("behind").getLongValue(), behind -> behind == 0);
    }

    public Reply get(String path) {
        return exchange(HttpRequest.GET(path));
    }

    public Reply exchange(HttpRequest<?> request) {
        try {
            HttpResponse<String> response = client.toBlocking().exchange(request, String.class);
            return reply(response.code(), response.getContentType().map(Object::toString).orElse(null),
                    response.getBody().orElse(null));
        } catch (HttpClientResponseException e) {
            return reply(e.code(), e.getResponse().getContentType().map(Object::toString).orElse(null),
                    e.getResponse().getBody(String.class).orElse(null));
        }
    }

    public Text exchangeText(HttpRequest<?> request) {
        HttpResponse<String> response;
        try {
            response = client.toBlocking().exchange(request, String.class);
        } catch (HttpClientResponseException e) {
            return new Text(e.code(), e.getResponse().getContentType().map(Object::toString).orElse(null),
                    e.getResponse().getHeaders().get("Content-Disposition"), e.getResponse().getBody(String.class).orElse(null));
        }
        return new Text(response.code(), response.getContentType().map(Object::toString).orElse(null),
                response.getHeaders().get("Content-Disposition"), response.getBody().orElse(null));
    }

    private Reply reply(int status, String contentType, String body) {
        try {
            return new Reply(status, contentType, body == null || body.isEmpty() ? null : json.readValue(body, JsonNode.class));
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + body, e);
        }
    }

    /** Runs {@code count} calls on 16 threads, released together; their results in call order. */
    public static <T> List<T> inParallel(int count, IntFunction<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<CompletableFuture<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                futures.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return call.apply(n);
                }, pool));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (CompletableFuture<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    public String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
