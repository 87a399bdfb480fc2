package io.guanxi.decisionlog.write;

import io.guanxi.customer.StateChange;
import io.guanxi.decisionlog.Decision;
import io.guanxi.decisionlog.ExplanationJson;
import io.guanxi.decisionlog.chain.DecisionInput;
import io.guanxi.decisionlog.chain.DecisionRecord;
import io.guanxi.facts.Advice;
import io.guanxi.facts.CustomerFacts;
import io.guanxi.platform.UtcMillis;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A decision waiting to be logged: its record (not yet sealed), the state change it commits with,
 * and the stable ids of the rules that fired (its rows in the rule index), worked out by the
 * request's own thread rather than the appender's.
 */
record PendingDecision(DecisionRecord record, StateChange state, List<String> ruleIds) {

    PendingDecision(DecisionRecord record, StateChange state) {
        this(record, state, FiredRuleIndex.ruleIds(record));
    }

    /** The record and state change a decision is stored as; {@code json} writes the answer and fired rules. */
    public static PendingDecision of(Decision d, JsonMapper json) {
        CustomerFacts facts = d.facts();
        Advice advice = d.advice();
        LocalDateTime decidedAt = UtcMillis.toDatabase(d.decidedAt());
        DecisionRecord record = DecisionRecord.unsealed(d.decisionId(), facts.getCustomerId(), d.requestId(),
                advice.rulesetVersion(),
                advice.previousCooperationStage() == null ? null : advice.previousCooperationStage().code(),
                advice.cooperationStage().code(), advice.transition().code(), advice.lifecycleStage().code(),
                advice.tier().code(), advice.relationshipType().code(), DecisionInput.canonicalJson(facts),
                write(json, d.answer()), write(json, advice.firedRules()), decidedAt,
                advice.evaluationNanos() / 1_000, ExplanationJson.write(advice.explanation()));
        StateChange state = new StateChange(facts.getCustomerId(), d.stateVersion(), advice.cooperationStage().code(),
                DecisionInput.plain(facts.getPurchaseShare()), d.decisionId(), decidedAt);
        return new PendingDecision(record, state);
    }

    private static String write(JsonMapper json, Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
