package io.guanxi.audit;

import io.guanxi.decisionlog.ExplanationJson;
import io.guanxi.rules.lifecycle.RuleSetArchive;
import jakarta.inject.Singleton;

/**
 * Reads a stored explanation as an auditor does (the explanation endpoint and exports): the trace
 * rendered with the rule set version that made the decision. Records from before the trace hold the
 * rendered form already and are passed on as they are.
 */
@Singleton
public class ExplanationReader {

    private final RuleSetArchive ruleSets;

    ExplanationReader(RuleSetArchive ruleSets) {
        this.ruleSets = ruleSets;
    }

    /** The JSON array of explanations, one per output. */
    public String rendered(String rulesetVersion, String stored) {
        if (ExplanationJson.isRendered(stored)) {
            return stored;
        }
        return ExplanationJson.write(ruleSets.explain(rulesetVersion, ExplanationJson.read(stored)));
    }
}
