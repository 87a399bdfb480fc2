package io.guanxi.facts;

import java.util.List;

/**
 * Everything the rules concluded for one customer: the answers to each business question, the
 * warnings and entitlements, the ranked actions, which rules of which rule set fired, and the trace
 * of why each output has its value.
 */
public record Advice(
        CooperationStage cooperationStage,
        CooperationStage previousCooperationStage,
        Transition transition,
        LifecycleStage lifecycleStage,
        Tier tier,
        RelationshipType relationshipType,
        List<String> flags,
        List<String> entitlements,
        List<RecommendedAction> actions,
        List<String> firedRules,
        ExplanationTrace explanation,
        String rulesetVersion,
        long evaluationNanos) {
}
