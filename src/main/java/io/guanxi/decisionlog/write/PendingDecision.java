package io.guanxi.decisionlog.write;

import io.guanxi.customer.StateChange;
import io.guanxi.decisionlog.Decision;
import io.guanxi.decisionlog.DecisionFacts;
import io.guanxi.decisionlog.ExplanationJson;
import io.guanxi.decisionlog.chain.DecisionInput;
import io.guanxi.decisionlog.chain.DecisionRecord;
import io.guanxi.facts.Advice;
import io.guanxi.facts.CustomerFacts;
import io.guanxi.facts.RecommendedAction;
import io.guanxi.platform.UtcMillis;
import io.guanxi.rules.RuleId;
import java.time.LocalDateTime;
import java.util.List;

/** A decision waiting to be logged: its record (not yet sealed) and the state change it commits with. */
record PendingDecision(DecisionRecord record, StateChange state) {

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
        if (d.experiment() != null) {
            record = record.underExperiment(d.experiment().experimentId(), d.experiment().arm(),
                    d.experiment().shadowJson());
        }
        StateChange state = new StateChange(facts.getCustomerId(), d.stateVersion(), advice.cooperationStage().code(),
                DecisionInput.plain(facts.getPurchaseShare()), d.decisionId(), decidedAt);
        return new PendingDecision(record, state);
    }

    private static List<List<String>> actionRules(List<RecommendedAction> actions) {
        return actions.stream().map(a -> a.reasons().stream().map(r -> RuleId.ofRuleName(r).toString()).toList())
                .toList();
    }
}
