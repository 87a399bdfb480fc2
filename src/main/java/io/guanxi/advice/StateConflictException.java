package io.guanxi.advice;

/** Another writer moved the customer's state (or took the requestId) first: re-read and decide again. */
final class StateConflictException extends RuntimeException {

    StateConflictException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
