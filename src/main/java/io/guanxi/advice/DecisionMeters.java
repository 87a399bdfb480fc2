package io.guanxi.advice;

import io.guanxi.facts.input.InvalidRequestException;
import io.guanxi.platform.web.DatabaseUnavailableHandlers;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;

/**
 * Counts the advice requests that reach a decision by outcome ({@code guanxi.decisions}: answered,
 * or refused and why), so that operations see refusals by cause. A body refused before it is read
 * (413, 415) shows only in {@code http.server.requests}. Every counter is registered once, here: a
 * request only increments one.
 */
@Singleton
final class DecisionMeters {

    static final String NAME = "guanxi.decisions";

    private final Counter answered;
    private final Counter invalidInput;
    private final Counter idempotencyConflict;
    private final Counter logUnavailable;
    private final Counter stateConflict;
    private final Counter interrupted;
    private final Counter shuttingDown;
    private final Counter overloaded;
    private final Counter databaseUnavailable;
    private final Counter failed;

    DecisionMeters(MeterRegistry registry) {
        answered = counter(registry, "answered", "none", 200);
        invalidInput = counter(registry, "refused", "invalid_input", 400);
        idempotencyConflict = counter(registry, "refused", "idempotency_conflict", 409);
        logUnavailable = counter(registry, "refused", "log_unavailable", 503);
        stateConflict = counter(registry, "refused", "state_conflict", 503);
        interrupted = counter(registry, "refused", "interrupted", 503);
        shuttingDown = counter(registry, "refused", "shutting_down", 503);
        overloaded = counter(registry, "refused", "overloaded", 503);
        databaseUnavailable = counter(registry, "refused", "database_unavailable", 503);
        failed = counter(registry, "refused", "error", 500);
    }

    void answered() {
        answered.increment();
    }

    void refused(RuntimeException refusal) {
        causeOf(refusal).increment();
    }

    private Counter causeOf(RuntimeException refusal) {
        if (refusal instanceof InvalidRequestException) {
            return invalidInput;
        }
        if (refusal instanceof IdempotencyConflictException) {
            return idempotencyConflict;
        }
        if (refusal instanceof DecisionUnavailableException unavailable) {
            return switch (unavailable.reason()) {
                case LOG_UNAVAILABLE -> logUnavailable;
                case STATE_CONFLICT -> stateConflict;
                case INTERRUPTED -> interrupted;
                case SHUTTING_DOWN -> shuttingDown;
                case OVERLOADED -> overloaded;
            };
        }
        return DatabaseUnavailableHandlers.databaseUnavailable(refusal) ? databaseUnavailable : failed;
    }

    private static Counter counter(MeterRegistry registry, String outcome, String cause, int status) {
        return Counter.builder(NAME)
                .description("Advice requests by outcome: answered, or refused and why (with the HTTP status)")
                .tag("outcome", outcome)
                .tag("cause", cause)
                .tag("status", Integer.toString(status))
                .register(registry);
    }
}
