package io.guanxi.advice;

import io.guanxi.decisionlog.DecisionLogUnavailableException;
import io.guanxi.platform.web.ProblemException;
import io.micronaut.http.HttpStatus;

/** No decision could be committed; nothing was logged and no advice is given (HTTP 503). */
final class DecisionUnavailableException extends ProblemException {

    public DecisionUnavailableException(String message, Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, message, null, cause);
    }

    /** The decision log refused: its reason is the answer's. */
    DecisionUnavailableException(DecisionLogUnavailableException cause) {
        this(cause.getMessage(), cause);
    }
}
