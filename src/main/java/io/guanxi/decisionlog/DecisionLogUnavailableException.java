package io.guanxi.decisionlog;

/** A decision could not be logged: nothing of it was written, and no advice may be given. */
public final class DecisionLogUnavailableException extends RuntimeException {

    public DecisionLogUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
