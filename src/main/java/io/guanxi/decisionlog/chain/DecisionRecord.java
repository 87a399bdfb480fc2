package io.guanxi.decisionlog.chain;

import io.guanxi.facts.CustomerFacts;
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
 * @param id          the order in which decisions were stored: given by the appender when sealing, ascending
 *                    with seq (records from before the chain have the ids the database gave them)
 * @param inputJson   the full validated input, canonical (fixed field order, exact decimals)
 * @param outputJson  the full answer as returned to the caller; null on records that store facts
 *                    ({@code decisionJson}), whose answer is rendered on reading
 * @param firedRules  a JSON array of the names of the rules that fired, in firing order; null on
 *                    records that store facts
 * @param decidedAt   UTC, millisecond precision
 * @param explanationJson for each output, the rules that set it and the fact values they read; null
 *                    on records that store facts
 * @param decisionJson the facts of the decision ({@code DecisionFacts}): the explanation trace and
 *                    each action's proposing rule ids; null on records stored before V8
 * @param seq         the record's place in the audit chain, gap-free from 1 (set when appended)
 * @param prevHash    the hash of the record before it ({@link ChainEncoding#GENESIS} for the first)
 * @param hash        SHA-256 over this record's canonical encoding and {@code prevHash}
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
        @Nullable String outputJson,
        @Nullable String firedRules,
        LocalDateTime decidedAt,
        long evaluationMicros,
        @Nullable String explanationJson,
        @Nullable String decisionJson,
        @Nullable Long experimentId,
        @Nullable String experimentArm,
        @Nullable String shadowJson,
        @Nullable Long seq,
        @Nullable String prevHash,
        @Nullable String hash) {

    /** A record that is not in the chain yet: the appender seals it. */
    public static DecisionRecord unsealed(String decisionId, String customerId, @Nullable String requestId,
                                   String rulesetVersion, @Nullable String previousStage,
                                   String cooperationStage, String transition, String lifecycleStage,
                                   String tier, String relationshipType, String inputJson, @Nullable String outputJson,
                                   @Nullable String firedRules, LocalDateTime decidedAt, long evaluationMicros,
                                   @Nullable String explanationJson, @Nullable String decisionJson) {
        return new DecisionRecord(null, decisionId, customerId, requestId, rulesetVersion, previousStage,
                cooperationStage, transition, lifecycleStage, tier, relationshipType, inputJson, outputJson,
                firedRules, decidedAt, evaluationMicros, explanationJson, decisionJson, null, null, null, null, null,
                null);
    }

    /** This unsealed record as decided under an experiment, in the given arm, with the challenger's shadow result if any. */
    public DecisionRecord underExperiment(long experiment, String arm, @Nullable String shadow) {
        return new DecisionRecord(id, decisionId, customerId, requestId, rulesetVersion, previousStage,
                cooperationStage, transition, lifecycleStage, tier, relationshipType, inputJson, outputJson,
                firedRules, decidedAt, evaluationMicros, explanationJson, decisionJson, experiment, arm, shadow, seq,
                prevHash, hash);
    }

    /** Whether this record was decided for the same customer on the same facts (the canonical input is equal). */
    public boolean decidedOn(CustomerFacts facts) {
        return customerId.equals(facts.getCustomerId()) && inputJson.equals(DecisionInput.canonicalJson(facts));
    }

    /** This record as the chain's next link after {@code prevHash}, with its hash and the id it is stored under. */
    public DecisionRecord sealed(@Nullable Long id, long seq, String prevHash) {
        DecisionRecord placed = new DecisionRecord(id, decisionId, customerId, requestId, rulesetVersion,
                previousStage, cooperationStage, transition, lifecycleStage, tier, relationshipType, inputJson,
                outputJson, firedRules, decidedAt, evaluationMicros, explanationJson, decisionJson, experimentId,
                experimentArm, shadowJson, seq, prevHash, null);
        return new DecisionRecord(id, decisionId, customerId, requestId, rulesetVersion, previousStage,
                cooperationStage, transition, lifecycleStage, tier, relationshipType, inputJson, outputJson,
                firedRules, decidedAt, evaluationMicros, explanationJson, decisionJson, experimentId, experimentArm,
                shadowJson, seq, prevHash, ChainEncoding.hash(placed));
    }
}
