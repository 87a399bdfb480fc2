package io.guanxi.rules.scenario;

import io.guanxi.facts.CustomerFacts;
import io.guanxi.facts.StoredRelationship;
import java.util.List;

/**
 * One analyst scenario, parsed: the facts and stored state it gives, what it expects of the advice,
 * and the codes it names (checked against the rule set it runs on).
 */
record Scenario(String path, String name, CustomerFacts facts, StoredRelationship stored,
                List<Expectation> expectations, List<CodeReference> codes) {

    /** A flag, entitlement or action code a scenario names, and where. */
    record CodeReference(CodeKind kind, String code, String where) {
    }

    /** The open sets of codes whose members only the rule set knows. */
    enum CodeKind {
        FLAG("flag"), ENTITLEMENT("entitlement"), ACTION("action");

        private final String noun;

        CodeKind(String noun) {
            this.noun = noun;
        }

        String noun() {
            return noun;
        }
    }
}
