package io.guanxi.advice;

import io.guanxi.decisionlog.DecisionStore;
import io.guanxi.facts.input.AdviceRequest;
import io.guanxi.facts.input.AdviceRequestValidator;
import io.guanxi.platform.web.DatabaseUnavailableHandlers;
import io.guanxi.platform.web.Problem;
import io.guanxi.platform.web.ProblemException;
import io.guanxi.platform.web.Problems;
import io.micronaut.http.HttpStatus;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides a batch of advice requests: each item exactly as a single request would be (checked,
 * decided, chained and committed, idempotent by its requestId), one customer's items in their
 * order, each seeing the one before. The batch goes in rounds — the first item of every customer,
 * then the second of those that have one, and so on — and a round's items, all of different
 * customers, are decided in groups: one read of their states, one hand-over to the decision log,
 * whose commits they share. Every item gets its own result: its answer or its problem.
 */
@Singleton
final class AdviceBatch {

    /** Items decided together: the decision log's largest commit. */
    private static final int GROUP = DecisionStore.LARGEST_COMMIT;
    /** Groups under way at once: while one waits for its commit, another is evaluated. */
    private static final int GROUPS_AT_ONCE = 4;
    private static final Logger LOG = LoggerFactory.getLogger(AdviceBatch.class);

    private final AdviceService service;
    private final DecisionMeters meters;
    private final ExecutorService executor;

    AdviceBatch(AdviceService service, DecisionMeters meters, @Named(TaskExecutors.BLOCKING) ExecutorService executor) {
        this.service = service;
        this.meters = meters;
        this.executor = executor;
    }

    /** One result per item, in the items' order: an {@link AdviceResponse} or a {@link Problem}. */
    List<Object> decide(List<byte[]> items) {
        Object[] results = new Object[items.size()];
        AdviceRequest[] requests = new AdviceRequest[items.size()];
        Map<String, List<Integer>> byCustomer = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            try {
                requests[i] = AdviceRequestValidator.validate(items.get(i));
                byCustomer.computeIfAbsent(requests[i].facts().getCustomerId(), c -> new ArrayList<>()).add(i);
            } catch (ProblemException e) {
                meters.refused(e);
                results[i] = Problems.problem(e);
            }
        }
        int rounds = byCustomer.values().stream().mapToInt(List::size).max().orElse(0);
        for (int round = 0; round < rounds; round++) {
            List<Integer> due = new ArrayList<>();
            for (List<Integer> customer : byCustomer.values()) {
                if (round >= customer.size()) {
                    continue;
                }
                int item = customer.get(round);
                if (round > 0 && failed(results[customer.get(round - 1)])) {
                    results[item] = notTried(requests[item]);
                } else {
                    due.add(item);
                }
            }
            decideRound(due, requests, results);
        }
        return Arrays.asList(results);
    }

    /**
     * Whether an item could not be decided (a 5xx): the customer's later items are then not tried,
     * for they would be decided without it, and it would come after them when sent again.
     */
    private static boolean failed(Object result) {
        return result instanceof Problem problem && problem.status() >= 500;
    }

    private static Problem notTried(AdviceRequest request) {
        return Problems.problemOf(HttpStatus.SERVICE_UNAVAILABLE, "not tried: an earlier item of customer "
                + request.facts().getCustomerId() + " in this batch could not be decided; nothing was stored for"
                + " this one. Send both again, in order");
    }

    /** One round's items, all of different customers: in groups, a few groups at once. */
    private void decideRound(List<Integer> due, AdviceRequest[] requests, Object[] results) {
        Queue<List<Integer>> groups = new ConcurrentLinkedQueue<>();
        for (int from = 0; from < due.size(); from += GROUP) {
            groups.add(due.subList(from, Math.min(due.size(), from + GROUP)));
        }
        List<Future<?>> workers = new ArrayList<>();
        for (int w = Math.min(GROUPS_AT_ONCE, groups.size()); w > 0; w--) {
            workers.add(executor.submit(() -> {
                for (List<Integer> group = groups.poll(); group != null; group = groups.poll()) {
                    decideGroup(group, requests, results);
                }
            }));
        }
        awaitAll(workers);
    }

    private void decideGroup(List<Integer> group, AdviceRequest[] requests, Object[] results) {
        List<Object> outcomes;
        try {
            outcomes = service.adviseAll(group.stream().map(i -> requests[i]).toList());
        } catch (RuntimeException e) {
            outcomes = Collections.nCopies(group.size(), e);
        }
        for (int k = 0; k < group.size(); k++) {
            results[group.get(k)] = result(requests[group.get(k)], outcomes.get(k));
        }
    }

    /** An item's answer, or its problem as a single request would have been answered. */
    private Object result(AdviceRequest request, Object outcome) {
        if (outcome instanceof AdviceResponse answer) {
            meters.answered();
            return answer;
        }
        RuntimeException e = (RuntimeException) outcome;
        meters.refused(e);
        if (e instanceof ProblemException problem) {
            return Problems.problem(problem);
        }
        LOG.error("Batch item for customer {} failed", request.facts().getCustomerId(), e);
        // A failing database is a 503, anything else a 500.
        return DatabaseUnavailableHandlers.databaseUnavailable(e)
                ? Problems.problemOf(HttpStatus.SERVICE_UNAVAILABLE, DatabaseUnavailableHandlers.DETAIL)
                : Problems.problemOf(HttpStatus.INTERNAL_SERVER_ERROR, "this item could not be decided");
    }

    private static void awaitAll(List<Future<?>> workers) {
        for (Future<?> worker : workers) {
            try {
                worker.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("a batch worker failed", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while deciding a batch", e);
            }
        }
    }
}
