package io.guanxi.platform.web;

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
public final class DatabaseUnavailableHandlers {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseUnavailableHandlers.class);
    public static final String DETAIL = "the database is unavailable; nothing was decided or stored by this request. Send"
            + " it again shortly (with the same requestId, a decision is never made twice)";

    private DatabaseUnavailableHandlers() {
    }

    /** Whether the failure is one these handlers answer as the database being unavailable (503). */
    public static boolean databaseUnavailable(Throwable e) {
        return e instanceof CannotGetJdbcConnectionException || e instanceof ConnectionException
                || e instanceof TransactionException || e instanceof DataAccessException;
    }

    /** Answers its kind of failure as the database being unavailable. */
    abstract static class Unavailable<E extends RuntimeException> implements ExceptionHandler<E, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, E e) {
            LOG.error("{} {} answered 503: the database is unavailable: {}", request.getMethodName(),
                    request.getPath(), e.getMessage());
            return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, DETAIL);
        }
    }

    /** No connection could be had within the pool's timeout. */
    @Singleton
    @Produces(Problem.CONTENT_TYPE)
    static final class NoConnection extends Unavailable<CannotGetJdbcConnectionException> {
    }

    /** A pooled connection broke while being prepared for use. */
    @Singleton
    @Produces(Problem.CONTENT_TYPE)
    static final class BrokenConnection extends Unavailable<ConnectionException> {
    }

    /** A transaction could not begin, commit or roll back. */
    @Singleton
    @Produces(Problem.CONTENT_TYPE)
    static final class FailedTransaction extends Unavailable<TransactionException> {
    }

    /** A statement failed on the way (the connection was lost under it). */
    @Singleton
    @Produces(Problem.CONTENT_TYPE)
    static final class FailedStatement extends Unavailable<DataAccessException> {
    }
}
