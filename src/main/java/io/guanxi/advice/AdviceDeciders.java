package io.guanxi.advice;

import io.guanxi.facts.input.AdviceRequest;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides single advice requests in groups, as batch advice does. A request is queued and its HTTP
 * thread goes back to serving; each of a few decider threads takes whatever has queued meanwhile
 * (up to {@link #GROUP}) and decides the requests of different customers together
 * ({@link AdviceService#adviseAll}): their states read in one query on its own thread, each
 * evaluated, their decisions handed to the log at once, so that they share its commit. A request
 * whose customer is already in the group waits for the decider's next group, so one customer's
 * requests are still decided one after the other, each seeing the one before. Each request is
 * answered exactly as if decided alone; only the thread hand-overs are fewer — one to a decider and
 * one to the log for a whole group, instead of one to the blocking pool, two to the state reader
 * and two to the log for every request (docs/PERFORMANCE.md).
 */
@Singleton
final class AdviceDeciders {

    /** Requests decided together at most: half the decision log's largest commit, so two groups share one. */
    static final int GROUP = 64;
    private static final Logger LOG = LoggerFactory.getLogger(AdviceDeciders.class);

    private record Queued(AdviceRequest request, CompletableFuture<AdviceResponse> answer) {
        String customerId() {
            return request.facts().getCustomerId();
        }
    }

    private final AdviceService service;
    private final BlockingQueue<Queued> queue = new LinkedBlockingQueue<>();
    private final List<Thread> deciders = new ArrayList<>();
    private boolean closed;

    /**
     * @param deciders groups under way at once ({@code guanxi.advice.deciders}): while one waits for
     *                 its commit, the others read and evaluate the next
     */
    AdviceDeciders(AdviceService service, @Value("${guanxi.advice.deciders:4}") int deciders) {
        if (deciders < 1) {
            throw new IllegalArgumentException("guanxi.advice.deciders must be at least 1, not " + deciders);
        }
        this.service = service;
        for (int i = 1; i <= deciders; i++) {
            Thread thread = new Thread(this::run, "advice-decider-" + i);
            thread.setDaemon(true);
            this.deciders.add(thread);
            thread.start();
        }
    }

    /**
     * The answer to the request once it is decided and committed; or, failed with the exception
     * {@link AdviceService#adviseAll} gave it, why there is none.
     */
    CompletableFuture<AdviceResponse> advise(AdviceRequest request) {
        CompletableFuture<AdviceResponse> answer = new CompletableFuture<>();
        synchronized (this) {
            if (closed) {
                answer.completeExceptionally(new DecisionUnavailableException(
                        "the service is shutting down; nothing was decided, please retry", null));
                return answer;
            }
            queue.add(new Queued(request, answer));
        }
        return answer;
    }

    /** Takes no more requests, decides those queued, and stops the deciders. */
    @PreDestroy
    void close() throws InterruptedException {
        synchronized (this) {
            closed = true;
        }
        for (Thread decider : deciders) {
            decider.join(TimeUnit.SECONDS.toMillis(30));
        }
    }

    private synchronized boolean isClosed() {
        return closed;
    }

    private void run() {
        // Requests of a customer already in a group: first in this decider's next group.
        List<Queued> carried = new ArrayList<>();
        while (!carried.isEmpty() || !isClosed() || !queue.isEmpty()) {
            List<Queued> taken = new ArrayList<>(carried);
            carried.clear();
            try {
                if (taken.isEmpty()) {
                    Queued first = queue.poll(100, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    taken.add(first);
                }
                queue.drainTo(taken, Math.max(0, GROUP - taken.size()));
                List<Queued> group = new ArrayList<>(taken.size());
                Set<String> customers = new HashSet<>();
                for (Queued q : taken) {
                    (customers.add(q.customerId()) ? group : carried).add(q);
                }
                decide(group);
            } catch (InterruptedException e) {
                // Only close() stops a decider, once every queued request is answered.
                LOG.warn("{} was interrupted; it keeps deciding until the service stops", Thread.currentThread().getName());
            }
        }
    }

    /** Decides the group and answers each of its requests, whatever happens. */
    private void decide(List<Queued> group) {
        List<Object> outcomes;
        try {
            outcomes = service.adviseAll(group.stream().map(Queued::request).toList());
        } catch (RuntimeException | Error e) {
            // An Error too: a request must never wait for an answer that will not come.
            LOG.error("A group of {} advice request(s) failed", group.size(), e);
            outcomes = Collections.nCopies(group.size(), e);
        }
        for (int i = 0; i < group.size(); i++) {
            Object outcome = outcomes.get(i);
            if (outcome instanceof AdviceResponse answer) {
                group.get(i).answer().complete(answer);
            } else {
                group.get(i).answer().completeExceptionally((Throwable) outcome);
            }
        }
    }
}
