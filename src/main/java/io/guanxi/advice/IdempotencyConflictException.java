package io.guanxi.advice;

import io.guanxi.platform.web.ProblemException;
import io.micronaut.http.HttpStatus;

/** A requestId already used for another customer or other facts (HTTP 409). */
final class IdempotencyConflictException extends ProblemException {

    public IdempotencyConflictException(String message) {
        super(HttpStatus.CONFLICT, message);
    }
}
