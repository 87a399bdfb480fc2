package io.guanxi.rules;

import java.util.List;

/** A rule set that cannot be used, with every problem found, each as {@code path:line:column: message}. */
public final class RuleSetException extends RuntimeException {

    private final List<String> errors;

    public RuleSetException(List<String> errors) {
        super("rule set rejected:\n  " + String.join("\n  ", errors));
        this.errors = List.copyOf(errors);
    }

    public List<String> errors() {
        return errors;
    }
}
