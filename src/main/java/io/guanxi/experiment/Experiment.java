package io.guanxi.experiment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * One rule-set experiment on live traffic: which challenger meets which share of customers, how
 * (shadow or split), against which champion, who started and ended it, and how many decisions each arm made.
 */
@Serdeable
public record Experiment(long id, String mode, int sharePercent, String challengerVersion, String championVersion,
                         String state, String startedAt, String startedBy, @Nullable String endedAt,
                         @Nullable String endedBy, @Nullable String note, Decisions decisions) {

    static final String RUNNING = "RUNNING";
    static final String SHADOW = "shadow";
    static final String SPLIT = "split";

    /** Decisions made under the experiment: by the champion's answer, and by the challenger (answered or shadowed). */
    @Serdeable
    public record Decisions(long champion, long challenger) {
    }

    Experiment counted(Decisions counted) {
        return new Experiment(id, mode, sharePercent, challengerVersion, championVersion, state, startedAt, startedBy,
                endedAt, endedBy, note, counted);
    }
}
