package io.guanxi.decisionlog;

import io.guanxi.facts.Advice;
import io.guanxi.facts.CustomerFacts;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/**
 * What was decided for one customer, as it is handed to the decision log: the log works out from it
 * the record it stores and the state the customer is left in, so no caller needs to know either.
 *
 * @param decisionId   the id the answer carries
 * @param requestId    the caller's idempotency key, if any
 * @param facts        the validated facts, defaults applied
 * @param advice       what the rules concluded: outputs, fired rules, explanation, rule-set version and
 *                     the stage the customer was in before
 * @param decidedAt    when, at millisecond precision
 * @param stateVersion the version of the stored state the decision was judged against; null when the
 *                     customer had none
 * @param experiment   the experiment and arm it was decided under; null outside experiments
 */
public record Decision(String decisionId, @Nullable String requestId, CustomerFacts facts, Advice advice,
                       Instant decidedAt, @Nullable Long stateVersion, @Nullable ExperimentMark experiment) {
}
