package io.guanxi.rules.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Decimal literals in conditions become exact decimals; nothing else in a rule file is touched. */
class ExactDecimalsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "x >= 0.50           | x >= 0.50B",
            "x <= -0.20          | x <= -0.20B",
            "x < 0.1, y > 12.345 | x < 0.1B, y > 12.345B",
            "x == 5000000        | x == 5000000",
            "x >= 0.50B          | x >= 0.50B",
            "x > 1.5e3           | x > 1.5e3B",
            "x > 1e-1            | x > 1e-1B",
            "x > 0.5d            | x > 0.5d",
            "v2.5 > 1            | v2.5 > 1",
            "$a.b > 1            | $a.b > 1",
            "x > 1.2.3           | x > 1.2.3",
            "x > .5              | x > .5B",
            "x >= -.10           | x >= -.10B"})
    void rewritesOnlyPlainDecimalLiteralsInConditions(String condition, String expected) {
        assertEquals(rule(expected), ExactDecimals.rewrite(rule(condition)));
    }

    @Test
    void leavesConsequencesAloneAndRewritesEveryRule() {
        String drl = "rule \"A 0.5\"\nwhen\n  F(x >= 0.5)\nthen\n  insert(new G(0.5));\nend\n"
                + "rule \"B\"\nwhen\n  F(y < 0.25)\nthen\n  double d = 0.25;\nend\n";
        String expected = "rule \"A 0.5\"\nwhen\n  F(x >= 0.5B)\nthen\n  insert(new G(0.5));\nend\n"
                + "rule \"B\"\nwhen\n  F(y < 0.25B)\nthen\n  double d = 0.25;\nend\n";
        assertEquals(expected, ExactDecimals.rewrite(drl));
    }

    @Test
    void leavesStringsAndCommentsAlone() {
        String drl = "// threshold 0.10 when share falls\nrule \"R 0.10\"\nwhen\n"
                + "  F(code == \"0.10\", s == 'x 0.2 then') // 0.30 here\n"
                + "  /* 0.40 then\n 0.41 */ G(z > 0.5)\nthen\nend\n";
        String expected = "// threshold 0.10 when share falls\nrule \"R 0.10\"\nwhen\n"
                + "  F(code == \"0.10\", s == 'x 0.2 then') // 0.30 here\n"
                + "  /* 0.40 then\n 0.41 */ G(z > 0.5B)\nthen\nend\n";
        assertEquals(expected, ExactDecimals.rewrite(drl));
    }

    @Test
    void leavesTheFileHeaderAndDeclarationsOutsideRulesAlone() {
        String drl = "package guanxi;\n// band 0.5\nglobal java.math.BigDecimal limit; // 0.5\n";
        assertEquals(drl, ExactDecimals.rewrite(drl));
    }

    @Test
    void keepsEveryLineWhereItWas() {
        String drl = rule("a > 0.1,\n  b < 0.2,\n  c == \"0.3\"");
        assertEquals(drl.lines().count(), ExactDecimals.rewrite(drl).lines().count());
    }

    private static String rule(String condition) {
        return "rule \"R\"\nwhen\n  F(" + condition + ")\nthen\nend\n";
    }
}
