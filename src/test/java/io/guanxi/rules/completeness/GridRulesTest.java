package io.guanxi.rules.completeness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.guanxi.facts.RevenueTier;
import io.guanxi.rules.RuleFile;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The completeness grid reads each rule's conditions in the code: comments and strings hide nothing else. */
class GridRulesTest {

    @Test
    void slashesInASingleQuotedStringHideNoThreshold() {
        List<String> conditions = conditions("CustomerFacts(customerId != 'crm://x', annualRevenue >= 1234567)");

        assertEquals("[1234566.9999, 1234567]", sides(conditions));
    }

    @Test
    void thresholdsInCommentsAndStringsAreNotThresholds() {
        List<String> conditions = conditions("CustomerFacts(note == \"annualRevenue >= 700\", annualRevenue >= 9) // annualRevenue >= 800\n"
                + "  /* annualRevenue >= 600 */");

        assertEquals("[8.9999, 9]", sides(conditions));
    }

    @Test
    void aVeryLongStringInARuleIsRead() {
        List<String> conditions = conditions("CustomerFacts(note == \"" + "x".repeat(100_000) + "\", annualRevenue >= 9)");

        assertEquals("[8.9999, 9]", sides(conditions));
    }

    /** The annual revenues on both sides of its thresholds, as the grid tries them. */
    private static String sides(List<String> conditions) {
        return GridThresholds.of(conditions).sidesOf(GridField.ANNUAL_REVENUE).toString();
    }

    private static List<String> conditions(String condition) {
        String drl = "rule \"T-1\"\nwhen\n  " + condition + "\nthen\n  insert(new RevenueTier(Tier.KEY));\nend\n";
        return GridRules.of(List.of(new RuleFile("t.drl", drl.getBytes(StandardCharsets.UTF_8)))).conditionsBehind(RevenueTier.class);
    }
}
