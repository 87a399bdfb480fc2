package io.guanxi.advice;

import io.guanxi.facts.input.AdviceRequest;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides single advice requests in groups, as batch advice does. A request is queued and its HTTP
 * thread goes back to serving; a few decider threads each take what has queued for them meanwhile
 * (up to {@link #GROUP} customers) and decide it together ({@link AdviceService#adviseAll}): the
 * customers' states read in one query on the decider's own thread, each request evaluated, the
 * decisions handed to the log at once so that they share its commit. Only the thread hand-overs are
 * fewer than deciding each request alone — one to a decider and one to the log for a whole group —
 * and each request is answered as soon as its own decision is committed (docs/PERFORMANCE.md).
 *
 * <p>Every request of a customer goes to the same decider (by the hash of its id), which decides
 * them strictly in the order they arrived, one per group, each seeing the one before. Its customers
 * take turns: a customer with many requests waiting gets one into each group, the others are not held
 * behind it. A decider takes at most {@code queue} requests; past that the service is overloaded and
 * a request is refused at once (503) rather than left to wait without bound.
 */
@Context
final class AdviceDeciders {

    /** Customers decided together at most: half the decision log's largest commit, so two groups share one. */
    static final int GROUP = 64;
    private static final Logger LOG = LoggerFactory.getLogger(AdviceDeciders.class);
    private static final long CLOSE_SECONDS = 30;

    private record Queued(AdviceRequest request, CompletableFuture<AdviceResponse> answer) {
        String customerId() {
            return request.facts().getCustomerId();
        }
    }

    private final AdviceService service;
    private final List<Decider> deciders = new ArrayList<>();

    /**
     * @param deciders groups under way at once ({@code guanxi.advice.deciders}): while one waits for
     *                 its commit, the others read and evaluate the next
     * @param queue    requests a decider takes before it refuses more ({@code guanxi.advice.queue})
     */
    AdviceDeciders(AdviceService service, @Value("${guanxi.advice.deciders:4}") int deciders,
                   @Value("${guanxi.advice.queue:1024}") int queue) {
        if (deciders < 1) {
            throw new IllegalArgumentException("guanxi.advice.deciders must be at least 1, not " + deciders);
        }
        if (queue < GROUP) {
            throw new IllegalArgumentException("guanxi.advice.queue must be at least " + GROUP + ", not " + queue);
        }
        this.service = service;
        for (int i = 1; i <= deciders; i++) {
            this.deciders.add(new Decider("advice-decider-" + i, queue));
        }
    }

    /**
     * The answer to the request once it is decided and committed; or, failed with the exception
     * {@link AdviceService#adviseAll} gave it, why there is none.
     */
    CompletableFuture<AdviceResponse> advise(AdviceRequest request) {
        return deciderOf(request.facts().getCustomerId()).offer(request);
    }

    /** Takes no more requests, decides those queued, and stops the deciders. */
    @PreDestroy
    void close() throws InterruptedException {
        for (Decider decider : deciders) {
            decider.close();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(CLOSE_SECONDS);
        for (Decider decider : deciders) {
            decider.thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            decider.abandon();
        }
    }

    /** The decider of every request of this customer. */
    private Decider deciderOf(String customerId) {
        return deciders.get(Math.floorMod(customerId.hashCode(), deciders.size()));
    }

    /** Whether two customers' requests are decided by the same decider, for tests that hold one up. */
    boolean sameDecider(String customerId, String otherCustomerId) {
        return deciderOf(customerId) == deciderOf(otherCustomerId);
    }

    /** One decider thread and the requests waiting for it. */
    private final class Decider {

        private final Thread thread;
        private final int queue;
        /** Customers with requests waiting, in turn; each customer's requests in the order they came. */
        private final Map<String, ArrayDeque<Queued>> waiting = new LinkedHashMap<>();
        /** Requests taken and not yet answered: those waiting and the group being decided. */
        private int taken;
        private List<Queued> deciding = List.of();
        private boolean closed;
        private long lastOverloadWarning;

        Decider(String name, int queue) {
            this.queue = queue;
            this.thread = new Thread(this::run, name);
            thread.setDaemon(true);
            thread.start();
        }

        synchronized CompletableFuture<AdviceResponse> offer(AdviceRequest request) {
            if (closed) {
                return CompletableFuture.failedFuture(new DecisionUnavailableException(
                        DecisionUnavailableException.Reason.SHUTTING_DOWN,
                        "the service is shutting down; nothing was decided, please retry", null));
            }
            if (taken >= queue) {
                warnOverloaded();
                return CompletableFuture.failedFuture(new DecisionUnavailableException(
                        DecisionUnavailableException.Reason.OVERLOADED,
                        "the service is overloaded: " + taken + " advice requests are waiting to be decided;"
                                + " nothing was decided, please retry shortly", null));
            }
            if (waiting.isEmpty()) {
                notifyAll();
            }
            Queued queued = new Queued(request, new CompletableFuture<>());
            waiting.computeIfAbsent(queued.customerId(), id -> new ArrayDeque<>()).add(queued);
            taken++;
            return queued.answer();
        }

        private void warnOverloaded() {
            long now = System.nanoTime();
            if (now - lastOverloadWarning > TimeUnit.SECONDS.toNanos(10) || lastOverloadWarning == 0) {
                lastOverloadWarning = now;
                LOG.warn("{} is refusing advice requests: {} wait to be decided (guanxi.advice.queue)",
                        thread.getName(), taken);
            }
        }

        synchronized void close() {
            closed = true;
            notifyAll();
        }

        private void run() {
            for (List<Queued> group = nextGroup(); !group.isEmpty(); group = nextGroup()) {
                decide(group);
                done(group);
            }
        }

        /**
         * The next group: the first request of each of the first {@link #GROUP} customers waiting,
         * those with more to come going to the back of the turn. Empty once closed and all decided.
         */
        private synchronized List<Queued> nextGroup() {
            while (waiting.isEmpty() && !closed) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    // Only close() stops a decider, once every request it took is answered.
                    LOG.warn("{} was interrupted; it keeps deciding until the service stops", thread.getName());
                }
            }
            List<String> customers = waiting.keySet().stream().limit(GROUP).toList();
            List<Queued> group = new ArrayList<>(customers.size());
            for (String customer : customers) {
                ArrayDeque<Queued> requests = waiting.remove(customer);
                group.add(requests.poll());
                if (!requests.isEmpty()) {
                    waiting.put(customer, requests);
                }
            }
            deciding = group;
            return group;
        }

        private synchronized void done(List<Queued> group) {
            taken -= group.size();
            deciding = List.of();
        }

        /** Decides the group and answers each of its requests, whatever happens. */
        private void decide(List<Queued> group) {
            try {
                service.adviseAll(group.stream().map(Queued::request).toList(), (outcome, i) -> {
                    if (outcome instanceof AdviceResponse answer) {
                        group.get(i).answer().complete(answer);
                    } else {
                        group.get(i).answer().completeExceptionally((Throwable) outcome);
                    }
                });
            } catch (RuntimeException | Error e) {
                // An Error too: a request must never wait for an answer that will not come. Those
                // already answered keep their answers; the others' decisions were not committed.
                LOG.error("{}: a group of {} advice request(s) failed", thread.getName(), group.size(), e);
                group.forEach(q -> q.answer().completeExceptionally(e));
            }
        }

        /**
         * After closing has waited its time: answers what the decider did not, so that no client
         * waits for ever. What was still queued was not decided; a group still being decided may
         * have been committed, which its requestIds tell on a retry.
         */
        private synchronized void abandon() {
            if (!thread.isAlive()) {
                return;
            }
            LOG.error("{} did not finish within {} s of closing; answering what it holds with 503",
                    thread.getName(), CLOSE_SECONDS);
            for (Queued q : deciding) {
                q.answer().completeExceptionally(new DecisionUnavailableException(
                        DecisionUnavailableException.Reason.SHUTTING_DOWN, "the service stopped while deciding;"
                        + " the decision may have been logged: retry with the same requestId to find out", null));
            }
            waiting.values().forEach(requests -> requests.forEach(q -> q.answer().completeExceptionally(
                    new DecisionUnavailableException(DecisionUnavailableException.Reason.SHUTTING_DOWN,
                            "the service stopped before deciding this request; nothing was decided, please retry",
                            null))));
            waiting.clear();
        }
    }
}
