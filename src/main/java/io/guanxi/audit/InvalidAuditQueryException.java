package io.guanxi.audit;

import io.guanxi.platform.web.Problem;
import io.guanxi.platform.web.ProblemException;
import io.micronaut.http.HttpStatus;
import java.util.List;

/** An audit query with bad parameters (HTTP 400): each one named, so the caller can fix them all at once. */
public final class InvalidAuditQueryException extends ProblemException {

    InvalidAuditQueryException(List<Problem.FieldError> errors) {
        super(HttpStatus.BAD_REQUEST,
                "invalid query parameters: " + errors.stream().map(Problem.FieldError::field).distinct().toList(),
                errors, null);
    }
}
