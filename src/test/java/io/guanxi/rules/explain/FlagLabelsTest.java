package io.guanxi.rules.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guanxi.facts.Advice;
import io.guanxi.facts.Explanation;
import io.guanxi.facts.StoredRelationship;
import io.guanxi.rules.DefaultRules;
import io.guanxi.rules.RuleSetSource;
import io.guanxi.rules.compile.RuleSetCompiler;
import io.guanxi.rules.engine.RuleSet;
import io.guanxi.rules.lifecycle.RulesWorkspace;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Flags are an open set: an analyst may add one in a rule file, and its explanation shows the code
 * where a label would be, while the flags of the domain contract keep their Chinese labels.
 */
class FlagLabelsTest {

    private static final String NEW_FLAG_RULE = String.join("\n", "",
            "rule \"TIER-120 more than 5 open complaints -> MANY_COMPLAINTS\"",
            "    salience 700",
            "when",
            "    CustomerFacts($openComplaints: openComplaints > 5)",
            "then",
            "    insert(new Flag(\"MANY_COMPLAINTS\"));",
            "end", "");

    @TempDir
    Path temp;

    @Test
    void flagAddedByTheRulesIsExplainedUnderItsCodeAndContractFlagsKeepTheirLabels() {
        RulesWorkspace rules = new RulesWorkspace(temp);
        rules.write("key-account-tier.drl", rules.read("key-account-tier.drl") + NEW_FLAG_RULE);
        RuleSet ruleSet = new RuleSetCompiler(DefaultRules.PINNED).compile(RuleSetSource.read(rules.dir()));

        Advice advice = ruleSet.evaluate(DefaultRules.customer().openComplaints(6).profitMargin(DefaultRules.d("-0.1"))
                .build(), StoredRelationship.none());

        assertTrue(advice.flags().contains("MANY_COMPLAINTS"), advice.flags()::toString);
        Explanation added = flag(ruleSet, advice, "MANY_COMPLAINTS");
        assertEquals("MANY_COMPLAINTS", added.label(), "an unknown flag reads as its code");
        assertEquals("6", added.rules().get(0).values().get(0).value());
        assertNull(added.rules().get(0).values().get(0).valueLabel());
        assertEquals("无利润", flag(ruleSet, advice, "UNPROFITABLE").label());
    }

    private static Explanation flag(RuleSet ruleSet, Advice advice, String code) {
        return ruleSet.explain(advice.explanation()).stream()
                .filter(e -> e.output().equals("flag") && e.code().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError("no explanation of flag " + code));
    }
}
