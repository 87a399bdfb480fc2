package io.guanxi.audit.api;

import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A decision's explanation as {@code GET /v1/decisions/{decisionId}/explanation} returns it: for
 * each output, its code and Chinese label and the rules that set it with the values they read.
 * A decision logged before explanations were recorded has none ({@code []}).
 */
@Serdeable
public record ExplanationView(
        String decisionId,
        String customerId,
        String rulesetVersion,
        String decidedAt,
        JsonNode explanations) {
}
