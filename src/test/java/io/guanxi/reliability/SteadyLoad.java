package io.guanxi.reliability;

import io.guanxi.platform.security.ApiKeyAuthenticationFetcher;
import io.guanxi.testing.ApiKeyTestFilter;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Advice requests sent by a few threads until stopped, each with its own requestId, over a small set
 * of customers; every answer (or failure to answer) is kept with when it was sent and how long it took.
 */
final class SteadyLoad implements AutoCloseable {

    /** One request and what came of it; status 0 when no answer came at all. */
    record Outcome(String requestId, String customerId, String body, long sentAt, long tookNanos, int status,
                   String contentType, String answer) {

        boolean sentAfter(long nanos) {
            return sentAt >= nanos;
        }

        boolean answeredAfter(long nanos) {
            return sentAt + tookNanos >= nanos;
        }
    }

    private static final Duration NO_ANSWER = Duration.ofSeconds(60);

    private final URL service;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Queue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> threads;
    private final String prefix = "LOAD-" + UUID.randomUUID().toString().substring(0, 6);

    private SteadyLoad(URL service, int threads, int customers) {
        this.service = service;
        this.threads = java.util.stream.IntStream.range(0, threads)
                .mapToObj(t -> new Thread(() -> send(t, customers), "advice-load-" + t)).toList();
        this.threads.forEach(Thread::start);
    }

    static SteadyLoad start(URL service, int threads, int customers) {
        return new SteadyLoad(service, threads, customers);
    }

    List<Outcome> outcomes() {
        return List.copyOf(outcomes);
    }

    /** Sends one advice request now and returns what came of it. */
    Outcome advise(String requestId, String customerId, String body) {
        long sent = System.nanoTime();
        try {
            HttpResponse<String> answer = http.send(post("/v1/advice", body), HttpResponse.BodyHandlers.ofString());
            return new Outcome(requestId, customerId, body, sent, System.nanoTime() - sent, answer.statusCode(),
                    answer.headers().firstValue("Content-Type").orElse(""), answer.body());
        } catch (IOException e) {
            return new Outcome(requestId, customerId, body, sent, System.nanoTime() - sent, 0, "", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(requestId, customerId, body, sent, System.nanoTime() - sent, 0, "", "interrupted");
        }
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).timeout(NO_ANSWER)
                .header(ApiKeyAuthenticationFetcher.HEADER, ApiKeyTestFilter.ALL_ROLES).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A valid request whose share moves with {@code step}, so a customer's stage moves across decisions. */
    static String body(String requestId, String customerId, int step) {
        double share = new double[] {0.15, 0.35, 0.55, 0.75, 0.55, 0.35}[Math.floorMod(step, 6)];
        return String.format(Locale.ROOT, "{\"requestId\":\"%s\",\"customerId\":\"%s\",\"purchaseShare\":%.2f,"
                + "\"annualRevenue\":500000,\"profitMargin\":0.15,\"revenueTrend\":0.05,\"orderCount12m\":12,"
                + "\"tenureMonths\":24,\"segmentSize\":\"MEDIUM\"}", requestId, customerId, share);
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        for (Thread t : threads) {
            t.join(NO_ANSWER.toMillis());
        }
    }

    private void send(int thread, int customers) {
        for (int i = 0; running.get(); i++) {
            String customer = prefix + "-" + (i * threads.size() + thread) % customers;
            String requestId = prefix + "-" + thread + "-" + i;
            outcomes.add(advise(requestId, customer, body(requestId, customer, i)));
        }
    }

    private HttpRequest post(String path, String body) {
        return HttpRequest.newBuilder(uri(path)).timeout(NO_ANSWER)
                .header(ApiKeyAuthenticationFetcher.HEADER, ApiKeyTestFilter.ALL_ROLES)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private URI uri(String path) {
        return URI.create(service.toString().replaceAll("/$", "") + path);
    }
}
