package io.guanxi.advice;

import io.guanxi.customer.CustomerLocks;
import io.guanxi.customer.CustomerState;
import io.guanxi.decisionlog.AppendResult;
import io.guanxi.decisionlog.Decision;
import io.guanxi.decisionlog.DecisionLogUnavailableException;
import io.guanxi.decisionlog.DecisionReader;
import io.guanxi.decisionlog.DecisionStore;
import io.guanxi.experiment.ExperimentRouting;
import io.guanxi.decisionlog.chain.DecisionRecord;
import io.guanxi.facts.Advice;
import io.guanxi.facts.CooperationStage;
import io.guanxi.facts.CustomerFacts;
import io.guanxi.facts.StoredRelationship;
import io.guanxi.facts.input.AdviceRequest;
import io.guanxi.rules.engine.RuleEvaluationException;
import io.guanxi.rules.lifecycle.LiveRuleSet;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.ObjIntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides the advice for one customer: judges it against the stored state, evaluates the live
 * rules, and hands the decision to the decision log, which stores its record and the customer's new
 * state together. A 200 means both are committed; a repeated requestId returns its original decision and
 * writes nothing.
 */
@Singleton
class AdviceService {

    static final int MAX_ATTEMPTS = 4;
    private static final Logger LOG = LoggerFactory.getLogger(AdviceService.class);

    private final LiveRuleSet rules;
    private final DecisionStore store;
    private final CustomerLocks locks;
    private final JsonMapper json;
    private final DecisionReader reader;
    private final Clock clock;
    private final ExperimentRouting experiments;

    AdviceService(LiveRuleSet rules, DecisionStore store, CustomerLocks locks, JsonMapper json, DecisionReader reader,
                  Clock clock, ExperimentRouting experiments) {
        this.experiments = experiments;
        this.reader = reader;
        this.rules = rules;
        this.store = store;
        this.locks = locks;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Decides requests of different customers together, each as if alone: their stored states in
     * one read, their decisions handed to the log together (so that they share its commits), the
     * customers' locks held from reading the states until the decisions are committed or refused. A
     * decision whose state moved meanwhile is decided again on its own. One result per request, in
     * order: its {@link AdviceResponse}, or the exception that refused it.
     */
    List<Object> adviseAll(List<AdviceRequest> requests) {
        Object[] results = new Object[requests.size()];
        adviseAll(requests, (result, i) -> results[i] = result);
        return Arrays.asList(results);
    }

    /**
     * As {@link #adviseAll(List)}, handing each request's result to {@code results} (with the
     * request's index) as soon as it is known, so that an answer need not wait for the slowest of
     * its group: replays and refusals before the group's commit, committed decisions right after
     * it, and only then the decisions that must be made again.
     */
    void adviseAll(List<AdviceRequest> requests, ObjIntConsumer<Object> results) {
        List<String> customers = requests.stream().map(r -> r.facts().getCustomerId()).toList();
        if (customers.stream().distinct().count() != customers.size()) {
            throw new IllegalArgumentException("requests decided together must be of different customers");
        }
        locks.withLocks(customers, () -> {
            decideTogether(requests, results);
            return null;
        });
    }

    private void decideTogether(List<AdviceRequest> requests, ObjIntConsumer<Object> results) {
        List<Optional<CustomerState>> states;
        try {
            states = store.readStates(requests.stream().filter(r -> r.requestId() == null)
                    .map(r -> r.facts().getCustomerId()).toList());
        } catch (DecisionLogUnavailableException e) {
            for (int i = 0; i < requests.size(); i++) {
                results.accept(new DecisionUnavailableException(e), i);
            }
            return;
        }
        List<Integer> pending = new ArrayList<>();
        List<Decided> decided = new ArrayList<>();
        int nextState = 0;
        for (int i = 0; i < requests.size(); i++) {
            AdviceRequest request = requests.get(i);
            Object result = null;
            try {
                DecisionStore.Snapshot snapshot = request.requestId() == null
                        ? new DecisionStore.Snapshot(Optional.empty(), states.get(nextState++))
                        : store.read(request.facts().getCustomerId(), request.requestId());
                if (snapshot.earlier().isPresent()) {
                    result = replay(snapshot.earlier().get(), request.facts(), request.requestId());
                } else {
                    decided.add(decide(request, snapshot.state()));
                    pending.add(i);
                }
            } catch (DecisionLogUnavailableException e) {
                result = new DecisionUnavailableException(e);
            } catch (RuntimeException e) {
                result = e;
            }
            if (result != null) {
                results.accept(result, i);
            }
        }
        List<CompletableFuture<AppendResult>> appended = store.appendAll(decided.stream().map(Decided::decision)
                .toList());
        List<Integer> again = new ArrayList<>();
        for (int k = 0; k < pending.size(); k++) {
            Object result = logged(requests.get(pending.get(k)), decided.get(k), appended.get(k));
            if (result == null) {
                again.add(pending.get(k));
            } else {
                results.accept(result, pending.get(k));
            }
        }
        for (int i : again) {
            Object result;
            try {
                result = decideWithRetries(requests.get(i));
            } catch (RuntimeException e) {
                result = e;
            }
            results.accept(result, i);
        }
    }

    /**
     * What the log made of one decision handed to it with others: its answer, the exception that
     * refused it, or null when its state moved meanwhile and it is to be decided again on its own.
     */
    private static Object logged(AdviceRequest request, Decided decided, CompletableFuture<AppendResult> appended) {
        try {
            return committed(request, decided, appended.join());
        } catch (StateConflictException e) {
            LOG.info("Customer {}: {} (decided with others; deciding it again on its own)",
                    request.facts().getCustomerId(), e.getMessage());
            return null;
        } catch (CompletionException e) {
            return e.getCause() instanceof DecisionLogUnavailableException unavailable
                    ? new DecisionUnavailableException(unavailable) : e.getCause();
        } catch (RuntimeException e) {
            return e;
        }
    }

    private AdviceResponse decideWithRetries(AdviceRequest request) {
        StateConflictException last = null;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            try {
                return decideOnce(request);
            } catch (StateConflictException e) {
                last = e;
                LOG.info("Customer {}: {} (attempt {} of {})", request.facts().getCustomerId(), e.getMessage(),
                        attempt, MAX_ATTEMPTS);
                backOff(attempt);
            } catch (DecisionLogUnavailableException e) {
                throw new DecisionUnavailableException(e);
            }
        }
        throw new DecisionUnavailableException(DecisionUnavailableException.Reason.STATE_CONFLICT,
                "the decision for customer " + request.facts().getCustomerId()
                + " kept conflicting with concurrent writers; nothing was logged, please retry", last);
    }

    /** A short random pause, so that two writers that collided do not collide again in step. */
    private static void backOff(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 5L * attempt + 2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DecisionUnavailableException(DecisionUnavailableException.Reason.INTERRUPTED,
                    "interrupted while retrying a conflicting decision", e);
        }
    }

    private AdviceResponse decideOnce(AdviceRequest request) {
        CustomerFacts facts = request.facts();
        DecisionStore.Snapshot snapshot = store.read(facts.getCustomerId(), request.requestId());
        if (snapshot.earlier().isPresent()) {
            return replay(snapshot.earlier().get(), facts, request.requestId());
        }
        Decided decided = decide(request, snapshot.state());
        return committed(request, decided, store.append(decided.decision()));
    }

    /** A decision made, not yet logged: the answer it gives once committed, and what the log is handed. */
    private record Decided(AdviceResponse response, Decision decision) {
    }

    /** Evaluates the request against the customer's stored state. */
    private Decided decide(AdviceRequest request, Optional<CustomerState> state) {
        CustomerFacts facts = request.facts();
        ExperimentRouting.Routed routed = evaluate(facts, state);
        Advice advice = routed.advice();
        Instant decidedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        AdviceResponse response = AdviceResponse.of(UUID.randomUUID().toString(), facts.getCustomerId(), advice, decidedAt);
        return new Decided(response, new Decision(response.decisionId(), request.requestId(), facts, advice,
                decidedAt, state.map(CustomerState::version).orElse(null), routed.mark()));
    }

    /** The answer of a decision the log took; a conflict to decide again when it did not. */
    private static AdviceResponse committed(AdviceRequest request, Decided decided, AppendResult result) {
        switch (result) {
            case COMMITTED -> {
                return decided.response();
            }
            case STATE_MOVED -> throw new StateConflictException("the stored state changed while deciding", null);
            default -> throw new StateConflictException("another decision took requestId " + request.requestId(), null);
        }
    }

    /** The live rules' advice, or under an experiment the advice of the customer's arm (see ExperimentRouting). */
    private ExperimentRouting.Routed evaluate(CustomerFacts facts, Optional<CustomerState> state) {
        StoredRelationship stored = stored(state);
        try {
            return experiments.decide(facts, stored, () -> rules.evaluate(facts, stored));
        } catch (RuleEvaluationException e) {
            throw new UndecidableException(e);
        }
    }

    private AdviceResponse replay(DecisionRecord earlier, CustomerFacts facts, String requestId) {
        if (!earlier.decidedOn(facts)) {
            throw new IdempotencyConflictException("requestId " + requestId + " was already used by decision "
                    + earlier.decisionId() + " for different facts or another customer");
        }
        return read(reader.read(earlier).output());
    }

    private static StoredRelationship stored(Optional<CustomerState> state) {
        return state.map(s -> new StoredRelationship(CooperationStage.valueOf(s.cooperationStage()),
                new BigDecimal(s.lastShare()))).orElseGet(StoredRelationship::none);
    }

    private AdviceResponse read(String output) {
        try {
            return json.readValue(output, AdviceResponse.class);
        } catch (IOException e) {
            throw new UncheckedIOException("stored decision output is not readable", e);
        }
    }
}
