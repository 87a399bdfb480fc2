package io.guanxi.decisionlog.write;

import io.guanxi.customer.StateChange;
import io.guanxi.decisionlog.Decision;
import io.guanxi.decisionlog.DecisionFacts;
import io.guanxi.decisionlog.ExplanationJson;
import io.guanxi.decisionlog.chain.DecisionInput;
import io.guanxi.decisionlog.chain.DecisionRecord;
import io.guanxi.facts.Advice;
import io.guanxi.facts.CustomerFacts;
import io.guanxi.facts.ExplanationTrace;
import io.guanxi.facts.RecommendedAction;
import io.guanxi.platform.UtcMillis;
import io.guanxi.rules.RuleId;
import java.time.LocalDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A decision waiting to be logged: its record (not yet sealed), the state change it commits with,
 * and the stable ids of the rules that fired (its rows in the rule index), worked out by the
 * request's own thread rather than the appender's.
 */
record PendingDecision(DecisionRecord record, StateChange state, List<String> ruleIds) {

    PendingDecision(DecisionRecord record, StateChange state) {
        this(record, state, FiredRuleIndex.ruleIds(record));
    }

    /**
     * The record and state change a decision is stored as. The record holds facts only (codes, the
     * canonical input, the trace and each action's rule ids): the answer, rule names and labels are
     * rendered on reading, so nothing of them is serialised here.
     */
    public static PendingDecision of(Decision d) {
        CustomerFacts facts = d.facts();
        Advice advice = d.advice();
        LocalDateTime decidedAt = UtcMillis.toDatabase(d.decidedAt());
        DecisionRecord record = DecisionRecord.unsealed(d.decisionId(), facts.getCustomerId(), d.requestId(),
                advice.rulesetVersion(),
                advice.previousCooperationStage() == null ? null : advice.previousCooperationStage().code(),
                advice.cooperationStage().code(), advice.transition().code(), advice.lifecycleStage().code(),
                advice.tier().code(), advice.relationshipType().code(), DecisionInput.canonicalJson(facts),
                null, null, decidedAt, advice.evaluationNanos() / 1_000, null,
                ExplanationJson.write(new DecisionFacts(advice.explanation(), actionRules(advice.actions()))));
        StateChange state = new StateChange(facts.getCustomerId(), d.stateVersion(), advice.cooperationStage().code(),
                DecisionInput.plain(facts.getPurchaseShare()), d.decisionId(), decidedAt);
        return new PendingDecision(record, state, ruleIds(advice.explanation()));
    }

    private static List<List<String>> actionRules(List<RecommendedAction> actions) {
        return actions.stream().map(a -> a.reasons().stream().map(r -> RuleId.ofRuleName(r).toString()).toList())
                .toList();
    }

    /** The distinct rule ids of the trace's firings, in firing order: the ids of the fired rules. */
    static List<String> ruleIds(ExplanationTrace trace) {
        Set<String> ids = new LinkedHashSet<>();
        trace.firings().forEach(f -> ids.add(f.rule()));
        return List.copyOf(ids);
    }
}
