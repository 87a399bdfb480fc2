package io.guanxi.simulation;

import io.guanxi.platform.web.ProblemException;
import io.micronaut.http.HttpStatus;

/** No simulation has this id (HTTP 404). */
final class UnknownSimulationException extends ProblemException {

    UnknownSimulationException(String id) {
        super(HttpStatus.NOT_FOUND, "no simulation " + id);
    }
}
