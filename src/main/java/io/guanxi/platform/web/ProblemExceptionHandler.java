package io.guanxi.platform.web;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Answers every {@link ProblemException} as problem+json; server-side failures are logged too. */
@Singleton
@Produces(Problem.CONTENT_TYPE)
final class ProblemExceptionHandler implements ExceptionHandler<ProblemException, HttpResponse<Problem>> {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemExceptionHandler.class);

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, ProblemException e) {
        if (e.serverFault()) {
            LOG.error("{} {} answered {}: {}", request.getMethodName(), request.getPath(), e.status().getCode(),
                    e instanceof DatabaseUnavailableException d ? d.cause() : e.getMessage());
        }
        MutableHttpResponse<Problem> response = Problems.response(Problems.problem(e));
        Integer retryAfter = e.retryAfterSeconds();
        return retryAfter == null ? response : response.header(HttpHeaders.RETRY_AFTER, retryAfter.toString());
    }
}
