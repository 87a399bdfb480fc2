package io.guanxi.advice;

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
 * order, each seeing the one before, and different customers side by side so that their records
 * share the decision log's commits. Every item gets its own result: its answer or its problem.
 */
@Singleton
final class AdviceBatch {

    /** Customers decided at once: enough to fill the decision log's group commits. */
    private static final int CUSTOMERS_AT_ONCE = 64;
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
        Queue<List<Integer>> customers = new ConcurrentLinkedQueue<>(byCustomer.values());
        List<Future<?>> workers = new ArrayList<>();
        for (int w = Math.min(CUSTOMERS_AT_ONCE, customers.size()); w > 0; w--) {
            workers.add(executor.submit(() -> {
                for (List<Integer> customer = customers.poll(); customer != null; customer = customers.poll()) {
                    decideInOrder(customer, requests, results);
                }
            }));
        }
        awaitAll(workers);
        return Arrays.asList(results);
    }

    /**
     * One customer's items in their order. Once one could not be decided (a 5xx), the later ones are
     * not tried: they would be decided without it, and it would come after them when sent again.
     */
    private void decideInOrder(List<Integer> items, AdviceRequest[] requests, Object[] results) {
        boolean failed = false;
        for (int i : items) {
            if (failed) {
                results[i] = Problems.problemOf(HttpStatus.SERVICE_UNAVAILABLE, "not tried: an earlier item of"
                        + " customer " + requests[i].facts().getCustomerId() + " in this batch could not be decided;"
                        + " nothing was stored for this one. Send both again, in order");
                continue;
            }
            results[i] = decideOne(requests[i]);
            failed = results[i] instanceof Problem problem && problem.status() >= 500;
        }
    }

    private Object decideOne(AdviceRequest request) {
        try {
            AdviceResponse answer = service.advise(request);
            meters.answered();
            return answer;
        } catch (ProblemException e) {
            meters.refused(e);
            return Problems.problem(e);
        } catch (RuntimeException e) {
            meters.refused(e);
            LOG.error("Batch item for customer {} failed", request.facts().getCustomerId(), e);
            // As a single request would be answered: a failing database is a 503, anything else a 500.
            return DatabaseUnavailableHandlers.databaseUnavailable(e)
                    ? Problems.problemOf(HttpStatus.SERVICE_UNAVAILABLE, DatabaseUnavailableHandlers.DETAIL)
                    : Problems.problemOf(HttpStatus.INTERNAL_SERVER_ERROR, "this item could not be decided");
        }
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
