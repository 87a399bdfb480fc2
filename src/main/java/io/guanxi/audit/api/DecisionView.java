package io.guanxi.audit.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * A stored decision as {@code GET /v1/decisions/{decisionId}} returns it; {@code experiment},
 * {@code arm} and {@code shadow} (the challenger's result in shadow mode) are null outside experiments.
 *
 * @param chain the record's place in the audit chain; null until the appender seals it (moments after the answer)
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
        @Nullable JsonNode shadow,
        @Nullable ChainPlace chain) {

    /** Where a record sits in the hash chain: its seq, its hash and its predecessor's (what {@code GET /v1/audit/verify?from=seq&to=seq} checks). */
    @Serdeable
    public record ChainPlace(long seq, String hash, String prevHash) {
    }
}
