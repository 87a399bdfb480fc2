package io.guanxi.rules.lifecycle;

import io.guanxi.rules.RuleFile;
import io.guanxi.rules.RuleSetSource;
import io.guanxi.rules.scenario.ScenarioSuite;
import java.nio.file.Path;
import java.util.List;

/** A rule set that wants to go live: its rule files and the scenario files that must pass first. */
public record Candidate(RuleSetSource rules, List<RuleFile> scenarios) {

    /** The rule files and {@code tests/*.yaml} scenario files of a rules directory, as they are now. */
    public static Candidate read(Path rulesDir) {
        return new Candidate(RuleSetSource.read(rulesDir), ScenarioSuite.read(rulesDir));
    }

    public String version() {
        return rules.version();
    }
}
