package io.guanxi.decisionlog;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.LocalDateTime;

/**
 * One decision, as the auditors read it: who asked, on which facts, under which rule set, what was
 * advised and which rules fired. Written once, in the same transaction as the customer's state;
 * never updated or deleted.
 *
 * @param id          the order in which decisions were stored
 * @param inputJson   the full validated input, canonical (fixed field order, exact decimals)
 * @param outputJson  the full answer as returned to the caller
 * @param firedRules  a JSON array of the names of the rules that fired, in firing order
 * @param decidedAt   UTC, millisecond precision
 * @param explanationJson for each output, the rules that set it and the fact values they read
 */
@MappedEntity("decision_record")
public record DecisionRecord(
        @Id @GeneratedValue @Nullable Long id,
        String decisionId,
        String customerId,
        @Nullable String requestId,
        String rulesetVersion,
        @Nullable String previousStage,
        String cooperationStage,
        String transition,
        String lifecycleStage,
        String tier,
        String relationshipType,
        String inputJson,
        String outputJson,
        String firedRules,
        LocalDateTime decidedAt,
        long evaluationMicros,
        String explanationJson) {
}
