package io.guanxi.facts.input;

import io.guanxi.platform.web.Problem;
import io.guanxi.platform.web.ProblemException;
import io.micronaut.http.HttpStatus;
import java.util.List;

/** A request the service refuses before any rule runs, with every violation found (HTTP 400). */
public final class InvalidRequestException extends ProblemException {

    public InvalidRequestException(String detail, List<Problem.FieldError> errors) {
        super(HttpStatus.BAD_REQUEST, detail, errors, null);
    }
}
