package io.guanxi.rules.lifecycle;

import io.guanxi.rules.engine.RuleSet;
import java.util.List;

/**
 * A further gate a deployment may put on reloads: what a candidate that compiles and passes its
 * scenarios would do to the decisions already made. None by default.
 */
public interface ImpactCheck {

    /** Why the candidate must not go live, each as {@code place: message}; empty when it may. */
    List<String> refusals(RuleSet candidate);
}
