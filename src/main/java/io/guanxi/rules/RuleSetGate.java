package io.guanxi.rules;

import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The one gate every rule set passes before it goes live — at start-up, on a file change, on a
 * reload or a rollback: it must compile.
 */
@Singleton
public class RuleSetGate {

    private final RuleSetCompiler compiler;

    RuleSetGate(Clock clock) {
        this.compiler = new RuleSetCompiler(clock);
    }

    /** The compiled rule set, or a {@link RuleSetException} with every problem found. */
    public RuleSet admit(Candidate candidate) {
        return compiler.compile(candidate.rules());
    }
}
