package io.guanxi.rules.lifecycle;

import io.guanxi.platform.web.ProblemException;
import io.micronaut.http.HttpStatus;

/** A rule-set version that never went live here, so it cannot be shown or rolled back to (HTTP 404). */
public final class UnknownRuleSetVersionException extends ProblemException {

    public UnknownRuleSetVersionException(String version) {
        super(HttpStatus.NOT_FOUND, "rule set " + version + " never went live here");
    }
}
