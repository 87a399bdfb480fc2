package io.guanxi.audit.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** A stored decision as {@code GET /v1/decisions/{decisionId}} returns it. */
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
        List<String> firedRules) {
}
