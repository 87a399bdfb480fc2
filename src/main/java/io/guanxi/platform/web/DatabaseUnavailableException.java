package io.guanxi.platform.web;

import io.micronaut.http.HttpStatus;

/**
 * A read or a bookkeeping write the request needed failed in the database: 503, the request may be
 * sent again. The client is told no more than that; the log gets what failed and why.
 */
public final class DatabaseUnavailableException extends ProblemException {

    public static final String DETAIL = "the database is unavailable; nothing was changed by this request. Send it again shortly";

    private final String what;

    /** {@code what} the request could not do ("cannot read simulation 5b0c…"), for the log. */
    public DatabaseUnavailableException(String what, Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, DETAIL, null, cause);
        this.what = what;
    }

    /** What could not be done, and the database's own words: for the log only. */
    public String cause() {
        return what + ": " + getCause();
    }
}
