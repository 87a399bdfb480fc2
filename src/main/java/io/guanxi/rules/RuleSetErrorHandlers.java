package io.guanxi.rules;

import io.guanxi.system.Problem;
import io.guanxi.system.Problems;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.util.List;

/** Maps reload and rollback refusals to problem+json answers that name the file and place. */
final class RuleSetErrorHandlers {

    private RuleSetErrorHandlers() {
    }

    @Singleton
    @Produces(Problem.CONTENT_TYPE)
    static final class Rejected implements ExceptionHandler<RuleSetRejectedException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, RuleSetRejectedException e) {
            HttpStatus status = HttpStatus.UNPROCESSABLE_ENTITY;
            List<Problem.FieldError> errors = e.errors().stream().map(RuleSetErrorHandlers::located).toList();
            return Problems.response(new Problem("urn:guanxi:problem:ruleset-rejected", status.getReason(),
                    status.getCode(), e.getMessage(), errors));
        }
    }

    @Singleton
    @Produces(Problem.CONTENT_TYPE)
    static final class Busy implements ExceptionHandler<ReloadBusyException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, ReloadBusyException e) {
            return Problems.of(HttpStatus.CONFLICT, e.getMessage());
        }
    }

    @Singleton
    @Produces(Problem.CONTENT_TYPE)
    static final class Unknown implements ExceptionHandler<UnknownRuleSetVersionException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, UnknownRuleSetVersionException e) {
            return Problems.of(HttpStatus.NOT_FOUND, e.getMessage());
        }
    }

    /** Splits {@code path:line:column: message} into where (as the field) and what. */
    static Problem.FieldError located(String error) {
        int split = error.indexOf(": ");
        return split < 0 ? new Problem.FieldError("", error)
                : new Problem.FieldError(error.substring(0, split), error.substring(split + 2));
    }
}
