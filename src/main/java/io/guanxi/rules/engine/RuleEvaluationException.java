package io.guanxi.rules.engine;

/**
 * A rule set could not produce a complete advice for the facts it was given: a defect of the rules,
 * not of the input. The message names the defect; what a caller answers is the caller's business.
 */
public final class RuleEvaluationException extends RuntimeException {

    RuleEvaluationException(String message) {
        super(message);
    }
}
