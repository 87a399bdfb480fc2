package io.guanxi.advice;

import io.guanxi.rules.RuleEvaluationException;
import io.guanxi.system.Problem;
import io.guanxi.system.Problems;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Maps the advice service's refusals to problem+json answers. */
final class AdviceErrorHandlers {

    private static final Logger LOG = LoggerFactory.getLogger(AdviceErrorHandlers.class);

    private AdviceErrorHandlers() {
    }

    @Singleton
    @Produces(Problem.CONTENT_TYPE)
    static final class InvalidRequest implements ExceptionHandler<InvalidRequestException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, InvalidRequestException e) {
            return Problems.invalid(e.getMessage(), e.errors());
        }
    }

    @Singleton
    @Produces(Problem.CONTENT_TYPE)
    static final class Conflict implements ExceptionHandler<IdempotencyConflictException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, IdempotencyConflictException e) {
            return Problems.of(HttpStatus.CONFLICT, e.getMessage());
        }
    }

    @Singleton
    @Produces(Problem.CONTENT_TYPE)
    static final class Unavailable implements ExceptionHandler<DecisionUnavailableException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, DecisionUnavailableException e) {
            LOG.warn("Decision not logged and refused: {}", e.getMessage());
            return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        }
    }

    @Singleton
    @Produces(Problem.CONTENT_TYPE)
    static final class RulesDefect implements ExceptionHandler<RuleEvaluationException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, RuleEvaluationException e) {
            LOG.error("The live rule set could not decide: {}", e.getMessage());
            return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR,
                    "the live rule set could not decide: " + e.getMessage() + "; nothing was logged");
        }
    }
}
