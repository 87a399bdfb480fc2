package io.guanxi.rules.lifecycle;

import io.guanxi.rules.RuleSetException;
import io.guanxi.rules.engine.RuleSet;
import java.time.Clock;

/**
 * The gate of a reload for a rule set that is only to be looked at (an impact simulation): compiled
 * and scenario-checked exactly as a reload would, refused with the same errors, and never made live.
 */
public final class CandidateGate {

    private CandidateGate() {
    }

    /** The compiled candidate, or a {@link RuleSetRejectedException} (422) with every error as {@code path:line}. */
    public static RuleSet check(Candidate candidate, Clock clock) {
        try {
            return new RuleSetGate(clock).admit(candidate);
        } catch (RuleSetException e) {
            throw new RuleSetRejectedException("the candidate rule set " + candidate.version()
                    + " does not pass the gate of a reload; nothing was simulated", e.errors());
        }
    }
}
