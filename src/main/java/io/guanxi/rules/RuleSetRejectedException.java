package io.guanxi.rules;

import java.util.List;

/** A rule set that did not pass the gate and did not go live, with every problem found. */
public final class RuleSetRejectedException extends RuntimeException {

    private final transient List<String> errors;

    public RuleSetRejectedException(String message, List<String> errors) {
        super(message);
        this.errors = List.copyOf(errors);
    }

    public List<String> errors() {
        return errors;
    }
}
