package io.guanxi.rules.lifecycle;

import io.guanxi.rules.RuleSetException;
import io.guanxi.rules.compile.RuleSetCompiler;
import io.guanxi.rules.engine.RuleSet;
import io.guanxi.rules.scenario.ScenarioSuite;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;

/**
 * The one gate every rule set passes before it goes live — at start-up, on a file change, on a
 * reload or a rollback: it must compile, and every scenario that comes with it must pass.
 */
@Singleton
class RuleSetGate {

    private final RuleSetCompiler compiler;

    RuleSetGate(Clock clock) {
        this.compiler = new RuleSetCompiler(clock);
    }

    /** The compiled rule set, or a {@link RuleSetException} with every problem found. */
    public RuleSet admit(Candidate candidate) {
        RuleSet ruleSet = compiler.compile(candidate.rules());
        List<String> failures = ScenarioSuite.parse(candidate.rules().directory(), candidate.scenarios()).run(ruleSet);
        if (!failures.isEmpty()) {
            throw new RuleSetException(failures);
        }
        return ruleSet;
    }
}
