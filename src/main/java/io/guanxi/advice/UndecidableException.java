package io.guanxi.advice;

import io.guanxi.platform.web.ProblemException;
import io.guanxi.rules.engine.RuleEvaluationException;
import io.micronaut.http.HttpStatus;

/** The live rule set could not decide a request: a defect of the rules, answered 500; nothing was logged. */
final class UndecidableException extends ProblemException {

    UndecidableException(RuleEvaluationException cause) {
        super(HttpStatus.INTERNAL_SERVER_ERROR, "the live rule set could not decide: " + cause.getMessage()
                + "; nothing was logged", null, cause);
    }
}
