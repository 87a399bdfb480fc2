package io.guanxi.platform.web;

import io.micronaut.http.HttpStatus;
import java.util.List;

/**
 * A refusal the service answers as problem+json: its status, what is wrong, and (for 400 and 422)
 * every violation by field or place. Each kind of refusal is a subclass with its own name.
 */
public abstract class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final transient List<Problem.FieldError> errors;

    protected ProblemException(HttpStatus status, String detail, List<Problem.FieldError> errors, Throwable cause) {
        super(detail, cause);
        this.status = status;
        this.errors = errors == null ? null : List.copyOf(errors);
    }

    protected ProblemException(HttpStatus status, String detail) {
        this(status, detail, null, null);
    }

    public HttpStatus status() {
        return status;
    }

    /** Every violation, or null when the problem is not about fields or places. */
    public List<Problem.FieldError> errors() {
        return errors;
    }

    /**
     * Whether the service is at fault, to be logged where it is answered: by default every 5xx. A
     * refusal that is expected under load and counted elsewhere says no.
     */
    public boolean serverFault() {
        return status.getCode() >= 500;
    }

    /**
     * Seconds after which the same request may well succeed, sent as {@code Retry-After}; null when
     * the problem gives no such hint (the default).
     */
    public Integer retryAfterSeconds() {
        return null;
    }

    /** The last part of the problem's type URI; by default the status's own. */
    public String kind() {
        return Problems.typeOf(status).substring("urn:guanxi:problem:".length());
    }
}
