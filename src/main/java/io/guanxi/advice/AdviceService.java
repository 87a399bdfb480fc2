package io.guanxi.advice;

import io.guanxi.customer.CustomerLocks;
import io.guanxi.customer.CustomerState;
import io.guanxi.customer.CustomerStateRepository;
import io.guanxi.decisionlog.DecisionInput;
import io.guanxi.decisionlog.DecisionRecord;
import io.guanxi.decisionlog.DecisionRecordRepository;
import io.guanxi.decisionlog.ExplanationJson;
import io.guanxi.facts.Advice;
import io.guanxi.facts.CooperationStage;
import io.guanxi.facts.CustomerFacts;
import io.guanxi.facts.StoredRelationship;
import io.guanxi.rules.RuleEngine;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransactionRollbackException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides the advice for one customer: judges it against the stored state, evaluates the live
 * rules, and commits the decision record and the new state together. A 200 means both are
 * committed; a repeated requestId returns its original decision and writes nothing.
 */
@Singleton
public class AdviceService {

    static final int MAX_ATTEMPTS = 4;
    private static final Logger LOG = LoggerFactory.getLogger(AdviceService.class);

    private final RuleEngine rules;
    private final DecisionRecordRepository decisions;
    private final CustomerStateRepository states;
    private final CustomerLocks locks;
    private final TransactionOperations<Connection> transactions;
    private final JsonMapper json;
    private final Clock clock;

    AdviceService(RuleEngine rules, DecisionRecordRepository decisions, CustomerStateRepository states,
                  CustomerLocks locks, TransactionOperations<Connection> transactions, JsonMapper json, Clock clock) {
        this.rules = rules;
        this.decisions = decisions;
        this.states = states;
        this.locks = locks;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
    }

    public AdviceResponse advise(AdviceRequest request) {
        String input = DecisionInput.canonicalJson(request.facts());
        return locks.withLock(request.facts().getCustomerId(), () -> decideWithRetries(request, input));
    }

    private AdviceResponse decideWithRetries(AdviceRequest request, String input) {
        StateConflictException last = null;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            try {
                return transactions.executeWrite(status -> decideOnce(request, input));
            } catch (StateConflictException e) {
                last = e;
                LOG.info("Customer {}: {} (attempt {} of {})", request.facts().getCustomerId(), e.getMessage(),
                        attempt, MAX_ATTEMPTS);
                backOff(attempt);
            } catch (DataAccessException e) {
                if (!isWriteConflict(e)) {
                    throw e;
                }
                last = new StateConflictException("a concurrent writer took the same key or lock first", e);
                backOff(attempt);
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
        if (request.requestId() != null) {
            Optional<DecisionRecord> earlier = decisions.findByRequestId(request.requestId());
            if (earlier.isPresent()) {
                return replay(earlier.get(), facts.getCustomerId(), input, request.requestId());
            }
        }
        Optional<CustomerState> state = states.findById(facts.getCustomerId());
        Advice advice = rules.evaluate(facts, stored(state));
        Instant decidedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        AdviceResponse response = AdviceResponse.of(UUID.randomUUID().toString(), facts.getCustomerId(), advice, decidedAt);
        decisions.save(record(request, input, advice, response, decidedAt));
        storeState(state, facts, advice, response.decisionId(), decidedAt);
        return response;
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
        return new DecisionRecord(null, response.decisionId(), response.customerId(), request.requestId(),
                advice.rulesetVersion(),
                advice.previousCooperationStage() == null ? null : advice.previousCooperationStage().code(),
                advice.cooperationStage().code(), advice.transition().code(), advice.lifecycleStage().code(),
                advice.tier().code(), advice.relationshipType().code(),
                input, write(response), write(advice.firedRules()), utc(decidedAt),
                advice.evaluationNanos() / 1_000, ExplanationJson.write(advice.explanations()));
    }

    private void storeState(Optional<CustomerState> state, CustomerFacts facts, Advice advice, String decisionId,
                            Instant decidedAt) {
        String stage = advice.cooperationStage().code();
        String share = DecisionInput.plain(facts.getPurchaseShare());
        if (state.isEmpty()) {
            states.save(new CustomerState(facts.getCustomerId(), stage, share, decisionId, 0, utc(decidedAt)));
        } else if (states.compareAndSet(facts.getCustomerId(), state.get().version(), stage, share, decisionId,
                utc(decidedAt)) == 0) {
            throw new StateConflictException("the stored state changed while deciding", null);
        }
    }

    /** A duplicate key (same customer or requestId written first elsewhere), a deadlock or a lock wait timeout. */
    private static boolean isWriteConflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLIntegrityConstraintViolationException || t instanceof SQLTransactionRollbackException) {
                return true;
            }
        }
        return false;
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
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
