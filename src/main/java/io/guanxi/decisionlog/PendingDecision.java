package io.guanxi.decisionlog;

import io.guanxi.customer.StateChange;

/** A decision waiting to be logged: its record (not yet sealed) and the state change it commits with. */
public record PendingDecision(DecisionRecord record, StateChange state) {
}
