package io.guanxi.advice;

/** No decision could be committed after several attempts; nothing was logged (HTTP 503). */
public final class DecisionUnavailableException extends RuntimeException {

    public DecisionUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
