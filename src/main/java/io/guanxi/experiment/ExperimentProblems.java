package io.guanxi.experiment;

import io.guanxi.platform.web.ProblemException;
import io.micronaut.http.HttpStatus;

/** The refusals of the experiments API, each a problem+json. */
final class ExperimentProblems {

    private ExperimentProblems() {
    }

    /** No experiment has this id (HTTP 404). */
    static final class Unknown extends ProblemException {
        Unknown(long id) {
            super(HttpStatus.NOT_FOUND, "no experiment " + id);
        }
    }

    /** Another experiment runs, or this one no longer does (HTTP 409); the title names the experiment. */
    static final class Conflict extends ProblemException {
        private final String title;

        Conflict(String title, String detail) {
            super(HttpStatus.CONFLICT, detail);
            this.title = title;
        }

        String title() {
            return title;
        }
    }
}
