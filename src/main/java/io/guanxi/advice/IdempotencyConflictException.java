package io.guanxi.advice;

/** A requestId already used for another customer or other facts (HTTP 409). */
public final class IdempotencyConflictException extends RuntimeException {

    public IdempotencyConflictException(String message) {
        super(message);
    }
}
