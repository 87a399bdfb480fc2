package io.guanxi.system;

import io.micronaut.data.connection.exceptions.ConnectionException;
import io.micronaut.data.connection.jdbc.exceptions.CannotGetJdbcConnectionException;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.transaction.exceptions.TransactionException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database could not be reached, or failed under a request: a 503 problem+json that says
 * nothing was decided or stored and the request may be sent again (a requestId makes that safe),
 * never a 500 with the driver's words. One handler per exception type the data layer throws.
 */
final class DatabaseUnavailableHandlers {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseUnavailableHandlers.class);
    static final String DETAIL = "the database is unavailable; nothing was decided or stored by this request. Send"
            + " it again shortly (with the same requestId, a decision is never made twice)";

    private DatabaseUnavailableHandlers() {
    }

    static HttpResponse<Problem> unavailable(HttpRequest<?> request, RuntimeException e) {
        LOG.error("{} {} answered 503: the database is unavailable: {}", request.getMethodName(), request.getPath(),
                e.getMessage());
        return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, DETAIL);
    }

    /** No connection could be had within the pool's timeout. */
    @Singleton
    @Produces(Problem.CONTENT_TYPE)
    static final class NoConnection implements ExceptionHandler<CannotGetJdbcConnectionException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, CannotGetJdbcConnectionException e) {
            return unavailable(request, e);
        }
    }

    /** A pooled connection broke while being prepared for use. */
    @Singleton
    @Produces(Problem.CONTENT_TYPE)
    static final class BrokenConnection implements ExceptionHandler<ConnectionException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, ConnectionException e) {
            return unavailable(request, e);
        }
    }

    /** A transaction could not begin, commit or roll back. */
    @Singleton
    @Produces(Problem.CONTENT_TYPE)
    static final class FailedTransaction implements ExceptionHandler<TransactionException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, TransactionException e) {
            return unavailable(request, e);
        }
    }

    /** A statement failed on the way (the connection was lost under it). */
    @Singleton
    @Produces(Problem.CONTENT_TYPE)
    static final class FailedStatement implements ExceptionHandler<DataAccessException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, DataAccessException e) {
            return unavailable(request, e);
        }
    }
}
