package io.guanxi.simulation;

import io.guanxi.decisionlog.chain.DecisionRecord;
import io.guanxi.platform.UtcMillis;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.time.LocalDateTime;

/**
 * Which logged decisions a simulation replays: those decided in {@code [from, to)} that match every
 * audit filter given (null: any), applied to each record as read through the chain.
 *
 * @param from UTC with milliseconds, as the log stores times
 * @param rule a rule id: the decisions in which that rule fired
 */
@Serdeable
record PopulationFilter(@Nullable String from, @Nullable String to, @Nullable String customerId,
                        @Nullable String tier, @Nullable String rule, @Nullable String transition) {

    static PopulationFilter of(@Nullable Instant from, @Nullable Instant to, @Nullable String customerId,
                               @Nullable String tier, @Nullable String rule, @Nullable String transition) {
        return new PopulationFilter(from == null ? null : UtcMillis.format(from), to == null ? null : UtcMillis.format(to),
                customerId, tier, rule, transition);
    }

    /** {@code from} as the log stores times; null when the period is open at the start. */
    LocalDateTime start() {
        return from == null ? null : UtcMillis.toDatabase(Instant.parse(from));
    }

    LocalDateTime end() {
        return to == null ? null : UtcMillis.toDatabase(Instant.parse(to));
    }

    /** Whether a record of the period matches the audit filters on its columns: customer, tier and transition. */
    boolean matchesColumns(DecisionRecord r) {
        return (customerId == null || customerId.equals(r.customerId()))
                && (tier == null || tier.equals(r.tier()))
                && (transition == null || transition.equals(r.transition()));
    }

    /** Whether what a record decided ({@code before}) matches the rule filter: the rule fired in it. */
    boolean matchesRule(Outcome before) {
        return rule == null || before.rules().contains(rule);
    }
}
