package io.guanxi.advice;

import io.guanxi.decisionlog.DecisionStore;
import io.guanxi.facts.input.AdviceRequest;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides single advice requests in groups, as batch advice does. A request is queued and its HTTP
 * thread goes back to serving; each of a few decider threads takes what has queued meanwhile (up to
 * {@link #GROUP} customers) and decides it together ({@link AdviceService#adviseAll}): the
 * customers' states read in one query on the decider's own thread, each request evaluated, the
 * decisions handed to the log at once so that they share its commit. Only the thread hand-overs are
 * fewer than deciding each request alone — one to a decider and one to the log for a whole group —
 * and each request is answered as soon as its own decision is committed (docs/PERFORMANCE.md).
 *
 * <p>A customer's requests are decided strictly in the order they arrived, one at a time, each
 * seeing the one before: a group takes a customer's first request only while none of its requests
 * is being decided by any decider, so no decider ever waits for a customer another one holds.
 * Customers take turns: one with many requests waiting gets one into each group, and the others are
 * not held behind it. The service holds at most {@code queue} requests not yet answered, and at most
 * {@link #PER_CUSTOMER} of one customer; past that a request is refused at once (503, overloaded)
 * rather than left to wait without bound.
 */
@Context
final class AdviceDeciders {

    /** Customers decided together at most: half the decision log's largest commit, so two groups share one. */
    static final int GROUP = DecisionStore.LARGEST_COMMIT / 2;
    /** One customer's requests held at most, so that one busy customer cannot fill the queue. */
    static final int PER_CUSTOMER = GROUP;
    private static final Logger LOG = LoggerFactory.getLogger(AdviceDeciders.class);
    private static final long CLOSE_SECONDS = 30;

    /** A request taken, its answer, and whether it has been answered (by its decider or by closing). */
    private record Queued(AdviceRequest request, CompletableFuture<AdviceResponse> answer, AtomicBoolean answered) {
        String customerId() {
            return request.facts().getCustomerId();
        }
    }

    private final AdviceService service;
    private final int queue;
    private final List<Thread> deciders = new ArrayList<>();
    // All below guarded by this.
    /** Customers with requests waiting, in turn; each customer's requests in the order they came. */
    private final Map<String, ArrayDeque<Queued>> waiting = new LinkedHashMap<>();
    /** Customers of the groups being decided: none of their waiting requests may be taken meanwhile. */
    private final Set<String> deciding = new HashSet<>();
    /** The groups being decided, to be answered if closing finds them stuck. */
    private final Set<List<Queued>> groups = Collections.newSetFromMap(new IdentityHashMap<>());
    /** Requests taken and not yet answered: those waiting and those of the groups being decided. */
    private int taken;
    private boolean closed;
    private long lastOverloadWarning;

    /**
     * @param deciders groups under way at once ({@code guanxi.advice.deciders}): while one waits for
     *                 its commit, the others read and evaluate the next
     * @param queue    requests held, waiting or being decided, before more are refused
     *                 ({@code guanxi.advice.queue})
     */
    AdviceDeciders(AdviceService service, @Value("${guanxi.advice.deciders:4}") int deciders,
                   @Value("${guanxi.advice.queue:4096}") int queue) {
        if (deciders < 1) {
            throw new IllegalArgumentException("guanxi.advice.deciders must be at least 1, not " + deciders);
        }
        if (queue < GROUP) {
            throw new IllegalArgumentException("guanxi.advice.queue must be at least " + GROUP + ", not " + queue);
        }
        this.service = service;
        this.queue = queue;
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
    synchronized CompletableFuture<AdviceResponse> advise(AdviceRequest request) {
        if (closed) {
            return refused(DecisionUnavailableException.Reason.SHUTTING_DOWN,
                    "the service is shutting down; nothing was decided, please retry");
        }
        if (taken >= queue) {
            warnOverloaded();
            return refused(DecisionUnavailableException.Reason.OVERLOADED, "the service is overloaded: " + taken
                    + " advice requests are waiting to be decided; nothing was decided, please retry shortly");
        }
        String customerId = request.facts().getCustomerId();
        ArrayDeque<Queued> customers = waiting.get(customerId);
        if (customers != null && customers.size() >= PER_CUSTOMER) {
            return refused(DecisionUnavailableException.Reason.OVERLOADED, "customer " + customerId
                    + " already has " + customers.size() + " advice requests waiting to be decided, one after"
                    + " the other; nothing was decided, please retry shortly");
        }
        if (customers == null && !deciding.contains(customerId)) {
            // A customer that can be taken now: one decider waiting for work is enough.
            notify();
        }
        Queued queued = new Queued(request, new CompletableFuture<>(), new AtomicBoolean());
        waiting.computeIfAbsent(customerId, id -> new ArrayDeque<>()).add(queued);
        taken++;
        return queued.answer();
    }

    /**
     * Takes no more requests, decides those queued, and stops the deciders; what they have not
     * answered after {@value #CLOSE_SECONDS} s is answered with 503, so that no client waits for ever.
     */
    @PreDestroy
    void close() {
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(CLOSE_SECONDS);
        try {
            for (Thread decider : deciders) {
                decider.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        abandon();
    }

    private static CompletableFuture<AdviceResponse> refused(DecisionUnavailableException.Reason reason,
                                                             String why) {
        return CompletableFuture.failedFuture(new DecisionUnavailableException(reason, why, null));
    }

    private void warnOverloaded() {
        long now = System.nanoTime();
        if (lastOverloadWarning == 0 || now - lastOverloadWarning > TimeUnit.SECONDS.toNanos(10)) {
            lastOverloadWarning = now;
            LOG.warn("Refusing advice requests: {} wait to be decided (guanxi.advice.queue)", taken);
        }
    }

    private void run() {
        while (true) {
            List<Queued> group = List.of();
            try {
                group = nextGroup();
                if (group.isEmpty()) {
                    return;
                }
                decide(group);
            } catch (RuntimeException | Error e) {
                // An Error too: a request must never wait for an answer that will not come. Those
                // answered keep their answers.
                for (Queued q : group) {
                    answer(q, e);
                }
                LOG.error("{}: a group of {} advice request(s) failed", Thread.currentThread().getName(),
                        group.size(), e);
            } finally {
                finished(group);
            }
        }
    }

    /** Decides the group, answering each request as soon as its decision is committed or refused. */
    private void decide(List<Queued> group) {
        service.adviseAll(group.stream().map(Queued::request).toList(), (outcome, i) -> answer(group.get(i), outcome));
    }

    /**
     * The next group: the first request of each of the first {@link #GROUP} customers waiting whose
     * requests no decider is deciding, those with more to come going to the back of the turn. Empty
     * once closed and all is decided.
     */
    private synchronized List<Queued> nextGroup() {
        while (true) {
            List<String> customers = new ArrayList<>();
            boolean more = false;
            for (String customer : waiting.keySet()) {
                if (!deciding.contains(customer)) {
                    if (customers.size() == GROUP) {
                        more = true;
                        break;
                    }
                    customers.add(customer);
                }
            }
            if (!customers.isEmpty()) {
                List<Queued> group = new ArrayList<>(customers.size());
                for (String customer : customers) {
                    ArrayDeque<Queued> requests = waiting.remove(customer);
                    group.add(requests.poll());
                    if (!requests.isEmpty()) {
                        waiting.put(customer, requests);
                    }
                }
                deciding.addAll(customers);
                groups.add(group);
                if (more) {
                    notify();
                }
                return group;
            }
            if (closed && waiting.isEmpty()) {
                notifyAll();
                return List.of();
            }
            try {
                wait();
            } catch (InterruptedException e) {
                // Only close() stops a decider, once every request taken is answered.
                LOG.warn("{} was interrupted; it keeps deciding until the service stops",
                        Thread.currentThread().getName());
            }
        }
    }

    /** The group is decided, every request of it answered: its customers' next requests may be taken. */
    private synchronized void finished(List<Queued> group) {
        groups.remove(group);
        for (Queued q : group) {
            deciding.remove(q.customerId());
        }
        // This decider takes the next group itself; the others are woken while more can be taken.
        if (closed) {
            notifyAll();
        }
    }

    /**
     * Answers the request, once; its place in the queue is freed first, so that whoever sees the
     * answer finds the place free. Completed outside the lock: the answer's callbacks write the
     * HTTP response.
     */
    private void answer(Queued q, Object outcome) {
        if (!q.answered().compareAndSet(false, true)) {
            return;
        }
        synchronized (this) {
            taken--;
        }
        if (outcome instanceof AdviceResponse response) {
            q.answer().complete(response);
        } else {
            q.answer().completeExceptionally((Throwable) outcome);
        }
    }

    /**
     * After closing has waited its time: answers what the deciders did not. What was still waiting
     * was not decided; a group still being decided may have been committed, which its requestIds tell
     * on a retry.
     */
    private void abandon() {
        List<Queued> inDecision = new ArrayList<>();
        List<Queued> undecided = new ArrayList<>();
        synchronized (this) {
            groups.forEach(inDecision::addAll);
            waiting.values().forEach(undecided::addAll);
            waiting.clear();
        }
        if (inDecision.isEmpty() && undecided.isEmpty()) {
            return;
        }
        LOG.error("The advice deciders did not finish within {} s of closing; answering what they hold with 503",
                CLOSE_SECONDS);
        // Answered outside the lock, as the deciders answer.
        DecisionUnavailableException mayBeLogged = new DecisionUnavailableException(
                DecisionUnavailableException.Reason.SHUTTING_DOWN, "the service stopped while deciding; the decision"
                + " may have been logged: retry with the same requestId to find out", null);
        DecisionUnavailableException notDecided = new DecisionUnavailableException(
                DecisionUnavailableException.Reason.SHUTTING_DOWN,
                "the service stopped before deciding this request; nothing was decided, please retry", null);
        inDecision.forEach(q -> answer(q, mayBeLogged));
        undecided.forEach(q -> answer(q, notDecided));
    }
}
