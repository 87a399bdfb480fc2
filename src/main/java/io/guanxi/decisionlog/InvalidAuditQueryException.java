package io.guanxi.decisionlog;

import io.guanxi.system.Problem;
import java.util.List;

/** An audit query with bad parameters: each one named, so the caller can fix them all at once. */
final class InvalidAuditQueryException extends RuntimeException {

    private final transient List<Problem.FieldError> errors;

    InvalidAuditQueryException(List<Problem.FieldError> errors) {
        super("invalid query parameters: " + errors.stream().map(Problem.FieldError::field).distinct().toList());
        this.errors = List.copyOf(errors);
    }

    List<Problem.FieldError> errors() {
        return errors;
    }
}
