package io.guanxi.advice;

import io.guanxi.decisionlog.DecisionLogUnavailableException;
import io.guanxi.platform.web.ProblemException;
import io.micronaut.http.HttpStatus;

/** No decision could be committed; nothing was logged and no advice is given (HTTP 503). */
final class DecisionUnavailableException extends ProblemException {

    /** Why no decision could be made: each is counted under its own cause (see {@link DecisionMeters}). */
    enum Reason {
        /** The decision log refused or could not be reached. */
        LOG_UNAVAILABLE,
        /** The customer's stored state kept moving under the decision. */
        STATE_CONFLICT,
        /** The deciding thread was interrupted. */
        INTERRUPTED,
        /** The service is stopping and takes no more requests. */
        SHUTTING_DOWN,
        /** More requests wait to be decided than the service queues. */
        OVERLOADED
    }

    private final Reason reason;

    DecisionUnavailableException(Reason reason, String message, Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, message, null, cause);
        this.reason = reason;
    }

    /** The decision log refused: its reason is the answer's. */
    DecisionUnavailableException(DecisionLogUnavailableException cause) {
        this(Reason.LOG_UNAVAILABLE, cause.getMessage(), cause);
    }

    Reason reason() {
        return reason;
    }

    /** An overloaded service has room again within about a second: requests are decided by the thousand a second. */
    @Override
    public Integer retryAfterSeconds() {
        return reason == Reason.OVERLOADED ? 1 : null;
    }

    /** Overload is the client's signal to slow down, counted by the meters; not a fault to log per request. */
    @Override
    public boolean serverFault() {
        return reason != Reason.OVERLOADED;
    }
}
