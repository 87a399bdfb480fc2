package io.guanxi.rules;

/** The live rule set could not produce a complete advice for a request: a defect of the rules, not of the input. */
public final class RuleEvaluationException extends RuntimeException {

    public RuleEvaluationException(String message) {
        super(message);
    }
}
