package io.guanxi.rules.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guanxi.rules.DefaultRules;
import io.guanxi.rules.RuleSetSource;
import io.guanxi.rules.completeness.CompletenessCheck;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every analyst scenario in {@code rules/tests/} holds on the shipped rules, one test per case. */
class ScenarioFilesTest {

    private static final ScenarioSuite SUITE = ScenarioSuite.parse("rules", ScenarioSuite.read(Path.of("rules")));

    @Test
    void everyScenarioFileParses() {
        assertEquals(List.of(), SUITE.errors());
        assertTrue(SUITE.size() >= 100, "only " + SUITE.size() + " scenarios");
    }

    @TestFactory
    Stream<DynamicTest> eachScenarioHoldsOnTheShippedRules() {
        List<String> names = SUITE.names();
        return IntStream.range(0, names.size()).mapToObj(i -> DynamicTest.dynamicTest(names.get(i),
                () -> assertEquals(List.of(), SUITE.run(i, DefaultRules.ruleSet()), names.get(i))));
    }

    @Test
    void shippedRulesAnswerEverySingleValuedQuestionExactlyOnce() {
        assertEquals(List.of(), CompletenessCheck.check(RuleSetSource.read(Path.of("rules")), DefaultRules.ruleSet()));
    }
}
