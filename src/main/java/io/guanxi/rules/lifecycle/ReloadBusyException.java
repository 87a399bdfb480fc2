package io.guanxi.rules.lifecycle;

import io.guanxi.platform.web.ProblemException;
import io.micronaut.http.HttpStatus;

/** A reload or rollback was asked for while another one runs; nothing was changed (HTTP 409). */
final class ReloadBusyException extends ProblemException {

    public ReloadBusyException(String message) {
        super(HttpStatus.CONFLICT, message);
    }
}
