package io.guanxi.decisionlog;

import io.guanxi.customer.StateChange;
import java.util.List;

/**
 * A decision waiting to be logged: its record (not yet sealed), the state change it commits with,
 * and the stable ids of the rules that fired (its rows in the rule index), worked out by the
 * request's own thread rather than the appender's.
 */
public record PendingDecision(DecisionRecord record, StateChange state, List<String> ruleIds) {

    public PendingDecision(DecisionRecord record, StateChange state) {
        this(record, state, FiredRuleIndex.ruleIds(record));
    }
}
