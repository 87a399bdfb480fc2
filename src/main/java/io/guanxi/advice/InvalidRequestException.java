package io.guanxi.advice;

import io.guanxi.system.Problem;
import java.util.List;

/** A request the service refuses before any rule runs, with every violation found. */
public final class InvalidRequestException extends RuntimeException {

    private final transient List<Problem.FieldError> errors;

    public InvalidRequestException(String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.errors = List.copyOf(errors);
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
