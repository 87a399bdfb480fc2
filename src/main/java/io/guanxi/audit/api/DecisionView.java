package io.guanxi.audit.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * A stored decision as {@code GET /v1/decisions/{decisionId}} returns it; {@code experiment},
 * {@code arm} and {@code shadow} (the challenger's result in shadow mode) are null outside experiments.
 */
@Serdeable
public record DecisionView(
        String decisionId,
        String customerId,
        @Nullable String requestId,
        String rulesetVersion,
        String decidedAt,
        long evaluationMicros,
        JsonNode input,
        JsonNode output,
        List<String> firedRules,
        @Nullable Long experiment,
        @Nullable String arm,
        @Nullable JsonNode shadow) {
}
