package io.guanxi.experiment;

import io.guanxi.simulation.Outcome;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Counts the decisions of one arm: each output's codes and the actions proposed. */
final class ArmTally {

    private final String arm;
    private long decisions;
    private final Map<String, Map<String, Long>> outputs = new LinkedHashMap<>();
    private final Map<String, Long> actions = new TreeMap<>();

    ArmTally(String arm) {
        this.arm = arm;
        List.of("cooperationStage", "tier", "lifecycleStage", "relationshipType", "transition")
                .forEach(o -> outputs.put(o, new TreeMap<>()));
    }

    void add(Outcome answered) {
        decisions++;
        outputs.forEach((output, counts) -> counts.merge(String.valueOf(answered.output(output)), 1L, Long::sum));
        answered.actions().forEach(a -> actions.merge(a, 1L, Long::sum));
    }

    ExperimentReport.Arm arm(ExperimentReport.Next next) {
        Map<String, List<ExperimentReport.CodeCount>> byOutput = new LinkedHashMap<>();
        outputs.forEach((output, counts) -> byOutput.put(output, counts(counts)));
        return new ExperimentReport.Arm(arm, decisions, byOutput, counts(actions), next);
    }

    private static List<ExperimentReport.CodeCount> counts(Map<String, Long> counts) {
        return counts.entrySet().stream().map(e -> new ExperimentReport.CodeCount(e.getKey(), e.getValue())).toList();
    }
}
