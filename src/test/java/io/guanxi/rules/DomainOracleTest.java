package io.guanxi.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.guanxi.facts.Advice;
import io.guanxi.facts.RecommendedAction;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The shipped rules agree with a plain-Java reading of CRM-DOMAIN §1-§5 on every customer of the grid. */
class DomainOracleTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.guanxi.rules.CustomerGrid#cases")
    void rulesGiveTheAdviceTheDomainContractDescribes(CustomerGrid.Case c) {
        Advice advice = c.decide();
        DomainOracle.Expected expected = DomainOracle.expect(c.facts(), c.stored(),
                c.storedShare() == null ? null : DefaultRules.d(c.storedShare()));

        assertEquals(expected, new DomainOracle.Expected(advice.cooperationStage(), advice.transition(),
                advice.lifecycleStage(), advice.tier(), advice.relationshipType(), sorted(advice.flags()),
                sorted(advice.entitlements()), advice.actions().stream().map(DomainOracleTest::describe).toList()));
    }

    private static String describe(RecommendedAction action) {
        return action.code() + "<-" + String.join(",",
                action.reasons().stream().map(r -> RuleId.ofRuleName(r).toString()).toList());
    }

    private static List<String> sorted(List<String> codes) {
        return codes.stream().sorted().toList();
    }
}
