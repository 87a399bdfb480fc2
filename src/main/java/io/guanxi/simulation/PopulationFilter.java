package io.guanxi.simulation;

import io.guanxi.decisionlog.chain.DecisionRecord;
import io.guanxi.platform.UtcMillis;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * Which logged decisions a simulation replays: those decided in {@code [from, to)} that match every
 * audit filter given (null: any), applied to each record as read through the chain.
 *
 * @param rule a rule id: the decisions in which that rule fired
 */
@Serdeable
record PopulationFilter(@Nullable Instant from, @Nullable Instant to, @Nullable String customerId,
                        @Nullable String tier, @Nullable String rule, @Nullable String transition) {

    static PopulationFilter all() {
        return new PopulationFilter(null, null, null, null, null, null);
    }

    /** Whether the record was decided in the period; a record outside it is not looked at further. */
    boolean inPeriod(DecisionRecord r) {
        return (from == null || !r.decidedAt().isBefore(UtcMillis.toDatabase(from)))
                && (to == null || r.decidedAt().isBefore(UtcMillis.toDatabase(to)));
    }

    /** Whether a record of the period matches the audit filters; {@code before} is what it decided. */
    boolean matches(DecisionRecord r, Outcome before) {
        return (customerId == null || customerId.equals(r.customerId()))
                && (tier == null || tier.equals(r.tier()))
                && (transition == null || transition.equals(r.transition()))
                && (rule == null || before.rules().contains(rule));
    }
}
