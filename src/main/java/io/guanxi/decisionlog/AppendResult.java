package io.guanxi.decisionlog;

/** What became of one decision handed to the log. */
public enum AppendResult {
    /** The record and the state change are committed. */
    COMMITTED,
    /** Nothing was written: the customer's state moved since it was read; decide again. */
    STATE_MOVED,
    /** Nothing was written: another decision took the requestId first; look it up again. */
    REQUEST_ID_TAKEN
}
