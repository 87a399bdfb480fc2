package io.guanxi.platform.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import java.util.List;

/** Builds the problem+json answers: one type URI per kind of problem, never a stack trace. */
public final class Problems {

    /** Why a body not declared as JSON (another type, or none) is refused with 415. */
    public static final String NOT_JSON = "the request body must be application/json";

    private Problems() {
    }

    public static MutableHttpResponse<Problem> of(HttpStatus status, String detail) {
        return response(new Problem(typeOf(status), status.getReason(), status.getCode(), detail,
                status == HttpStatus.BAD_REQUEST ? List.of() : null));
    }

    public static MutableHttpResponse<Problem> invalid(String detail, List<Problem.FieldError> errors) {
        HttpStatus status = HttpStatus.BAD_REQUEST;
        return response(new Problem(typeOf(status), status.getReason(), status.getCode(), detail, errors));
    }

    /** The problem a refusal is answered with. */
    public static Problem problem(ProblemException e) {
        return new Problem("urn:guanxi:problem:" + e.kind(), e.status().getReason(), e.status().getCode(),
                e.getMessage(), e.errors());
    }

    /** A problem of this status, outside a response (an item of a batch answer). */
    public static Problem problemOf(HttpStatus status, String detail) {
        return new Problem(typeOf(status), status.getReason(), status.getCode(), detail, null);
    }

    public static MutableHttpResponse<Problem> response(Problem problem) {
        return HttpResponse.<Problem>status(HttpStatus.valueOf(problem.status()))
                .contentType(Problem.CONTENT_TYPE)
                .body(problem);
    }

    static String typeOf(HttpStatus status) {
        String slug = switch (status) {
            case BAD_REQUEST -> "invalid-request";
            case NOT_FOUND -> "not-found";
            case CONFLICT -> "conflict";
            case REQUEST_ENTITY_TOO_LARGE -> "body-too-large";
            case UNSUPPORTED_MEDIA_TYPE -> "unsupported-media-type";
            case METHOD_NOT_ALLOWED -> "method-not-allowed";
            case UNAUTHORIZED -> "unauthorized";
            case FORBIDDEN -> "forbidden";
            case SERVICE_UNAVAILABLE -> "unavailable";
            default -> status.getCode() >= 500 ? "internal-error" : "http-" + status.getCode();
        };
        return "urn:guanxi:problem:" + slug;
    }
}
