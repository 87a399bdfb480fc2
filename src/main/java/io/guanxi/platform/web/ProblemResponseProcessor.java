package io.guanxi.platform.web;

import io.micronaut.context.annotation.Primary;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Turns every error the framework itself answers (unknown path, wrong method, unsupported media
 * type, body too large, unhandled failure) into problem+json, for browsers too.
 */
@Singleton
@Primary
final class ProblemResponseProcessor implements ErrorResponseProcessor<Problem> {

    @Override
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> base) {
        HttpStatus status = base.getStatus();
        String detail = detail(context, status);
        List<Problem.FieldError> errors = status == HttpStatus.BAD_REQUEST
                ? context.getErrors().stream().filter(e -> e.getPath().isPresent()).map(ProblemResponseProcessor::field).toList()
                : null;
        Problem problem = new Problem(Problems.typeOf(status), status.getReason(), status.getCode(), detail, errors);
        return base.contentType(Problem.CONTENT_TYPE).body(problem);
    }

    private static String detail(ErrorContext context, HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "no resource at " + context.getRequest().getPath();
            case METHOD_NOT_ALLOWED -> context.getRequest().getMethodName() + " is not allowed on " + context.getRequest().getPath();
            case UNSUPPORTED_MEDIA_TYPE -> Problems.NOT_JSON;
            case REQUEST_ENTITY_TOO_LARGE -> "the request body is larger than the 1 MiB allowed";
            default -> status.getCode() >= 500 || context.getErrors().isEmpty()
                    ? status.getReason()
                    : context.getErrors().get(0).getMessage();
        };
    }

    /** The framework names a query or path value as a pointer ({@code /from}); the caller sent {@code from}. */
    private static Problem.FieldError field(Error error) {
        String path = error.getPath().orElse("");
        return new Problem.FieldError(path.startsWith("/") ? path.substring(1) : path, error.getMessage());
    }
}
