package io.guanxi.simulation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * One decision the candidate answers differently: what was decided, what the candidate decides, and
 * the rules that made the difference (those that fired on one side only).
 *
 * @param seq          the record's place in the chain (a facts file: the line number)
 * @param version      the rule-set version that decided {@code before}
 * @param rulesBefore  the rules that fired before but not with the candidate
 * @param rulesAfter   the rules that fire with the candidate but did not before
 */
@Serdeable
record Change(long seq, @Nullable String decisionId, String customerId, @Nullable String decidedAt,
              @Nullable String version, @Nullable Outcome before, Outcome after, List<String> rulesBefore,
              List<String> rulesAfter) {
}
