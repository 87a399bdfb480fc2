package io.guanxi.reliability;

import io.guanxi.advice.AdviceApi;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Advice for a few customers from several client threads at once, each request with a requestId of
 * its own and a share drawn anew so that stages move (up one step, held, regressed, skips blocked);
 * remembers every request sent — before it is sent, so one lost in flight is remembered too — and
 * every 200 answer. Bounded in requests and in time.
 */
final class AdviceLoad {

    private static final double[] SHARES = {0.0, 0.2, 0.45, 0.55, 0.7, 0.85, 0.95, 0.35};

    /** A request as sent: its requestId, customer and exact body. */
    record Sent(String requestId, String customerId, String body) {
    }

    private final List<String> customers = new ArrayList<>();
    private final Map<String, Sent> sent = new ConcurrentHashMap<>();
    private final Map<String, JsonNode> answered = new ConcurrentHashMap<>();
    private final Map<Integer, AtomicInteger> statuses = new ConcurrentSkipListMap<>();
    private final AtomicInteger failures = new AtomicInteger();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean stopped;

    AdviceLoad(int customerCount) {
        String prefix = AdviceApi.uniqueCustomer("LOAD");
        for (int i = 0; i < customerCount; i++) {
            customers.add(prefix + "-" + i);
        }
    }

    /** A new request (not sent) for the customer, with a fresh requestId and a share drawn at random. */
    static Sent request(String customerId) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        Map<String, Object> body = AdviceApi.validRequest(customerId);
        body.put("purchaseShare", SHARES[random.nextInt(SHARES.length)]);
        body.put("annualRevenue", 700_000 * random.nextInt(10));
        String requestId = "load-" + UUID.randomUUID();
        body.put("requestId", requestId);
        return new Sent(requestId, customerId, ServiceClient.write(body));
    }

    /**
     * Starts {@code count} client threads; thread {@code t} sends through {@code target.apply(t)} up
     * to {@code perThread} requests, each for a customer drawn at random, until stopped or the time is up.
     */
    void start(int count, int perThread, Duration limit, IntFunction<ServiceClient> target) {
        long deadline = System.nanoTime() + limit.toNanos();
        for (int t = 0; t < count; t++) {
            ServiceClient client = target.apply(t);
            Thread thread = new Thread(() -> {
                for (int n = 0; n < perThread && !stopped && System.nanoTime() < deadline; n++) {
                    send(client, request(customers.get(ThreadLocalRandom.current().nextInt(customers.size()))));
                }
            }, "advice-load-" + t);
            threads.add(thread);
            thread.start();
        }
    }

    private void send(ServiceClient client, Sent request) {
        sent.put(request.requestId(), request);
        try {
            ServiceClient.Reply reply = client.advise(request.body());
            statuses.computeIfAbsent(reply.status(), s -> new AtomicInteger()).incrementAndGet();
            if (reply.status() == 200) {
                answered.put(request.requestId(), reply.body());
            }
        } catch (IOException noAnswer) {
            // The server went away with the request in flight: it stays sent and unanswered.
            failures.incrementAndGet();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = true;
        }
    }

    /** Waits until {@code count} requests were answered 200, or the time is up; whether they were. */
    boolean awaitAnswered(int count, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (answered.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return answered.size() >= count;
    }

    /** No new request is sent from now on; those in flight go on. */
    void stopSending() {
        stopped = true;
    }

    /** Stops sending and waits for every client thread to end. */
    void stop() throws InterruptedException {
        stopSending();
        for (Thread thread : threads) {
            thread.join();
        }
    }

    List<String> customers() {
        return customers;
    }

    Map<String, Sent> sent() {
        return sent;
    }

    /** The 200 answers by requestId. */
    Map<String, JsonNode> answered() {
        return answered;
    }

    /** Statuses answered and requests left without an answer, for messages and the log. */
    String summary() {
        return "sent " + sent.size() + ", answered by status " + statuses + ", no answer " + failures.get();
    }
}
