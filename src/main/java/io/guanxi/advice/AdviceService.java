package io.guanxi.advice;

import io.guanxi.system.UtcMillis;
import io.guanxi.customer.CustomerLocks;
import io.guanxi.customer.CustomerState;
import io.guanxi.customer.StateChange;
import io.guanxi.decisionlog.AppendResult;
import io.guanxi.decisionlog.DecisionInput;
import io.guanxi.decisionlog.DecisionLogUnavailableException;
import io.guanxi.decisionlog.DecisionRecord;
import io.guanxi.decisionlog.DecisionStore;
import io.guanxi.decisionlog.ExplanationJson;
import io.guanxi.decisionlog.PendingDecision;
import io.guanxi.facts.Advice;
import io.guanxi.facts.CooperationStage;
import io.guanxi.facts.CustomerFacts;
import io.guanxi.facts.StoredRelationship;
import io.guanxi.rules.RuleEngine;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides the advice for one customer: judges it against the stored state, evaluates the live
 * rules, and hands the decision record and the new state to the decision log, which commits both
 * together. A 200 means both are committed; a repeated requestId returns its original decision and
 * writes nothing.
 */
@Singleton
public class AdviceService {

    static final int MAX_ATTEMPTS = 4;
    private static final Logger LOG = LoggerFactory.getLogger(AdviceService.class);

    private final RuleEngine rules;
    private final DecisionStore store;
    private final CustomerLocks locks;
    private final JsonMapper json;
    private final Clock clock;

    AdviceService(RuleEngine rules, DecisionStore store, CustomerLocks locks, JsonMapper json, Clock clock) {
        this.rules = rules;
        this.store = store;
        this.locks = locks;
        this.json = json;
        this.clock = clock;
    }

    public AdviceResponse advise(AdviceRequest request) {
        String input = DecisionInput.canonicalJson(request.facts());
        // The lock is held from reading the state until the decision is committed (or refused).
        return locks.withLock(request.facts().getCustomerId(), () -> decideWithRetries(request, input));
    }

    private AdviceResponse decideWithRetries(AdviceRequest request, String input) {
        StateConflictException last = null;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            try {
                return decideOnce(request, input);
            } catch (StateConflictException e) {
                last = e;
                LOG.info("Customer {}: {} (attempt {} of {})", request.facts().getCustomerId(), e.getMessage(),
                        attempt, MAX_ATTEMPTS);
                backOff(attempt);
            } catch (DecisionLogUnavailableException e) {
                throw new DecisionUnavailableException(e.getMessage(), e);
            }
        }
        throw new DecisionUnavailableException("the decision for customer " + request.facts().getCustomerId()
                + " kept conflicting with concurrent writers; nothing was logged, please retry", last);
    }

    /** A short random pause, so that two writers that collided do not collide again in step. */
    private static void backOff(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 5L * attempt + 2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DecisionUnavailableException("interrupted while retrying a conflicting decision", e);
        }
    }

    private AdviceResponse decideOnce(AdviceRequest request, String input) {
        CustomerFacts facts = request.facts();
        DecisionStore.Snapshot snapshot = store.read(facts.getCustomerId(), request.requestId());
        if (snapshot.earlier().isPresent()) {
            return replay(snapshot.earlier().get(), facts.getCustomerId(), input, request.requestId());
        }
        Optional<CustomerState> state = snapshot.state();
        Advice advice = rules.evaluate(facts, stored(state));
        Instant decidedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        AdviceResponse response = AdviceResponse.of(UUID.randomUUID().toString(), facts.getCustomerId(), advice, decidedAt);
        AppendResult result = store.append(new PendingDecision(record(request, input, advice, response, decidedAt),
                stateChange(state, facts, advice, response.decisionId(), decidedAt)));
        switch (result) {
            case COMMITTED -> {
                return response;
            }
            case STATE_MOVED -> throw new StateConflictException("the stored state changed while deciding", null);
            default -> throw new StateConflictException("another decision took requestId " + request.requestId(), null);
        }
    }

    private AdviceResponse replay(DecisionRecord earlier, String customerId, String input, String requestId) {
        if (!earlier.customerId().equals(customerId) || !earlier.inputJson().equals(input)) {
            throw new IdempotencyConflictException("requestId " + requestId + " was already used by decision "
                    + earlier.decisionId() + " for different facts or another customer");
        }
        return read(earlier.outputJson());
    }

    private static StoredRelationship stored(Optional<CustomerState> state) {
        return state.map(s -> new StoredRelationship(CooperationStage.valueOf(s.cooperationStage()),
                new BigDecimal(s.lastShare()))).orElseGet(StoredRelationship::none);
    }

    private DecisionRecord record(AdviceRequest request, String input, Advice advice, AdviceResponse response,
                                  Instant decidedAt) {
        return DecisionRecord.unsealed(response.decisionId(), response.customerId(), request.requestId(),
                advice.rulesetVersion(),
                advice.previousCooperationStage() == null ? null : advice.previousCooperationStage().code(),
                advice.cooperationStage().code(), advice.transition().code(), advice.lifecycleStage().code(),
                advice.tier().code(), advice.relationshipType().code(),
                input, write(response), write(advice.firedRules()), UtcMillis.toDatabase(decidedAt),
                advice.evaluationNanos() / 1_000, ExplanationJson.write(advice.explanation()));
    }

    private static StateChange stateChange(Optional<CustomerState> state, CustomerFacts facts, Advice advice,
                                           String decisionId, Instant decidedAt) {
        return new StateChange(facts.getCustomerId(), state.map(CustomerState::version).orElse(null),
                advice.cooperationStage().code(), DecisionInput.plain(facts.getPurchaseShare()), decisionId,
                UtcMillis.toDatabase(decidedAt));
    }


    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private AdviceResponse read(String output) {
        try {
            return json.readValue(output, AdviceResponse.class);
        } catch (IOException e) {
            throw new UncheckedIOException("stored decision output is not readable", e);
        }
    }
}
