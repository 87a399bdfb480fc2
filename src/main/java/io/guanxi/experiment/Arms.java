package io.guanxi.experiment;

/** The arms a decision under an experiment is recorded in. */
final class Arms {

    /** The champion answered, and no challenger decided beside it. */
    static final String CHAMPION = "champion";
    /** Split mode: the challenger's advice was the answer. */
    static final String CHALLENGER = "challenger";
    /** Shadow mode: the champion answered and the challenger decided beside it ({@code shadow_json}). */
    static final String SHADOW = "shadow";

    private Arms() {
    }
}
