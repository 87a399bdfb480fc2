package io.guanxi.rules;

import io.guanxi.system.ProblemException;
import io.micronaut.http.HttpStatus;

/** The live rule set could not produce a complete advice for a request: a defect of the rules, not of the input. */
public final class RuleEvaluationException extends ProblemException {

    public RuleEvaluationException(String message) {
        super(HttpStatus.INTERNAL_SERVER_ERROR, "the live rule set could not decide: " + message + "; nothing was logged");
    }
}
