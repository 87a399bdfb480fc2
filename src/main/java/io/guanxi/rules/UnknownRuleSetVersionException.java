package io.guanxi.rules;

/** A rule-set version that never went live here, so it cannot be shown or rolled back to. */
public final class UnknownRuleSetVersionException extends RuntimeException {

    public UnknownRuleSetVersionException(String version) {
        super("rule set " + version + " never went live here");
    }
}
