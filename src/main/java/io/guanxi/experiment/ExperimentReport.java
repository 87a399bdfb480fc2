package io.guanxi.experiment;

import io.guanxi.simulation.Report;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Map;

/**
 * What an experiment did, per arm, taken from the decision log itself.
 *
 * @param arms             per arm: decisions, the distribution of each output, the actions proposed, and
 *                         for decisions followed by another of the same customer, how the cooperation
 *                         stage moved to it
 * @param championVersions the versions that answered for the champion (more than one: the champion
 *                         was reloaded or rolled back during the experiment), with their decisions
 * @param shadow           shadow mode: the champion's answer (before) against the challenger's result
 *                         (after), in the report of an impact simulation; null otherwise
 * @param agreement        shadow mode: decisions where the challenger gave the same answer ÷ compared
 */
@Serdeable
record ExperimentReport(Experiment experiment, List<Arm> arms, List<VersionCount> championVersions,
                        @Nullable Report shadow, @Nullable Double agreement) {

    @Serdeable
    record Arm(String arm, long decisions, Map<String, List<CodeCount>> outputs, List<CodeCount> actions, Next next) {
    }

    @Serdeable
    record CodeCount(String code, long count) {
    }

    /** The following decision of the same customer, after a decision of this arm. */
    @Serdeable
    record Next(long decidedAgain, List<Move> cooperationStage) {
    }

    @Serdeable
    record Move(String before, String after, long count) {
    }

    @Serdeable
    record VersionCount(String version, long decisions) {
    }
}
