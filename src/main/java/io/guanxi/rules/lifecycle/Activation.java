package io.guanxi.rules.lifecycle;

/** How a rule set went live. */
public enum Activation {
    /** The rules on disk, at start-up. */
    STARTUP,
    /** The last version that went live before, because the rules on disk failed at start-up. */
    STARTUP_FALLBACK,
    /** A saved change under the rules directory. */
    FILE_CHANGE,
    /** {@code POST /v1/ruleset/reload}. */
    API,
    /** {@code POST /v1/ruleset/rollback} to a stored version. */
    ROLLBACK,
    /** {@code POST /v1/experiments/{id}/promote}: an experiment's challenger made live. */
    PROMOTION
}
