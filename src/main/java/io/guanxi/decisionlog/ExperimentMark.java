package io.guanxi.decisionlog;

import io.micronaut.core.annotation.Nullable;

/**
 * What a decision made under an experiment carries into its chained record.
 *
 * @param experimentId the running experiment
 * @param arm          {@code champion}, {@code challenger} (split: the challenger answered) or
 *                     {@code shadow} (the champion answered, the challenger decided beside it)
 * @param shadowJson   the challenger's result in shadow mode, else null
 */
public record ExperimentMark(long experimentId, String arm, @Nullable String shadowJson) {
}
