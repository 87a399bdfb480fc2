package io.guanxi.rules.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rules check} passes the shipped rules and names the file and place of every problem in broken copies. */
class RulesCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void shippedRulesPassTheCheck() {
        assertEquals(0, run("check", "rules"), output());
        assertTrue(output().matches("(?s)rules: \\d+ rules, \\d+ files, \\d+ scenarios, completeness 5 questions: OK \\(.*"), output());
    }

    @Test
    void syntaxErrorIsReportedAtItsLine() throws IOException {
        copy();
        int line = RulesFiles.replace(dir.resolve("lifecycle-stage.drl"), "revenueTrend <= -0.20)", "revenueTrend <= -0.20 &&& )");
        assertEquals(1, run("check", dir.toString()));
        assertTrue(output().contains(dir.resolve("lifecycle-stage.drl") + ":" + line + ":"), output());
    }

    @Test
    void ruleFileCutShortIsReportedWithoutAStackTrace() throws IOException {
        copy();
        Path file = dir.resolve("cooperation-stage.drl");
        Files.writeString(file, Files.readString(file).substring(0, 1114));
        assertEquals(1, run("test", dir.toString()));
        assertTrue(output().contains(file + ":"), output());
        assertTrue(!output().contains("Exception") && !output().contains("at org.drools"), output());
    }

    @Test
    void failingScenarioNamesFileCaseAndField() throws IOException {
        copy();
        RulesFiles.replace(dir.resolve("cooperation-stage.drl"), "purchaseShare >= 0.50, purchaseShare < 0.80", "purchaseShare >= 0.51, purchaseShare < 0.80");
        RulesFiles.replace(dir.resolve("cooperation-stage.drl"), "purchaseShare > 0, purchaseShare < 0.50", "purchaseShare > 0, purchaseShare < 0.51");
        assertEquals(1, run("test", dir.toString()));
        assertTrue(output().contains(dir.resolve("tests/cooperation-stage.yaml")
                + ": share 0.5 is STABLE: cooperationStage expected STABLE got INITIAL"), output());
    }

    @Test
    void invalidYamlIsReportedAtItsLine() throws IOException {
        copy();
        Files.writeString(dir.resolve("tests/broken.yaml"), "cases:\n  - name: x\n    given: {purchaseShare: 0.5\n");
        assertEquals(1, run("test", dir.toString()));
        assertTrue(output().contains(dir.resolve("tests/broken.yaml") + ":4:1: not valid YAML"), output());
    }

    @Test
    void unknownFieldsAndCodesAreReportedAtTheirPlace() throws IOException {
        copy();
        Files.writeString(dir.resolve("tests/typos.yaml"), String.join("\n", "cases:",
                "  - name: misspelt given",
                "    given: {purchaseShare: 0.5, annualRevenue: 1, profitMargin: 0, revenueTrend: 0, orderCount12m: 1,",
                "            tenureMonths: 1, segmentSize: FEW, paymentOntimeRate: 0.5}",
                "    expect: {tier: KEY}",
                "  - name: misspelt expect",
                "    given: {purchaseShare: 0.5, annualRevenue: 1, profitMargin: 0, revenueTrend: 0, orderCount12m: 1,",
                "            tenureMonths: 1, segmentSize: FEW}",
                "    expect: {tierr: KEY, lifecycleStage: DECLINED, flags: [CREDIT_RISKY]}", ""));
        assertEquals(1, run("test", dir.toString()));
        String file = dir.resolve("tests/typos.yaml").toString();
        assertTrue(output().contains(file + ":4:67: case 'misspelt given': given.paymentOntimeRate is not a known field"), output());
        assertTrue(output().contains(file + ":9:14: case 'misspelt expect': expect.tierr is not a known field"), output());
        assertTrue(output().contains(file + ":9:42: case 'misspelt expect': expect.lifecycleStage: unknown code 'DECLINED'"), output());
    }

    @Test
    void unknownFlagIsReportedAtItsPlace() throws IOException {
        copy();
        Files.writeString(dir.resolve("tests/flag.yaml"), String.join("\n", "cases:",
                "  - name: misspelt flag",
                "    given: {purchaseShare: 0.5, annualRevenue: 1, profitMargin: 0, revenueTrend: 0, orderCount12m: 1,",
                "            tenureMonths: 1, segmentSize: FEW}",
                "    expect: {flags: [UNPROFITABLE, CREDIT_RISKY]}", ""));
        assertEquals(1, run("test", dir.toString()));
        assertTrue(output().contains(dir.resolve("tests/flag.yaml") + ":5:36: case 'misspelt flag': expect.flags: unknown flag 'CREDIT_RISKY'"), output());
    }

    /**
     * Regular expressions with a choice under a repetition recursed once per character of a string
     * and overflowed the stack on such a line; the check reads it, compiles it and runs the grid.
     */
    @Test
    void ruleLineOfAHundredThousandCharactersIsChecked() throws IOException {
        copy();
        RulesFiles.replace(dir.resolve("key-account-tier.drl"), "insert(new Flag(\"UNPROFITABLE\"));",
                "insert(new Flag(\"UNPROFITABLE" + "x".repeat(100_000) + "\"));");
        assertEquals(1, run("check", dir.toString()));
        String shown = output().replaceAll("x{20,}", "x…");
        assertTrue(shown.contains(": expect.flags: unknown flag 'UNPROFITABLE'; the rules know [ABRUPT_REGRESSION, CREDIT_RISK,"
                + " STAGE_SKIP_BLOCKED, UNPROFITABLEx…]"), shown);
        assertTrue(shown.contains(", completeness 5 questions: "), shown);
    }

    @Test
    void deletedFallbackRuleIsACompletenessGap() throws IOException {
        copy();
        RulesFiles.removeRule(dir.resolve("lifecycle-stage.drl"), "LIFE-090");
        RulesFiles.deleteScenarios(dir);
        assertEquals(1, run("check", dir.toString()));
        assertTrue(output().contains("completeness: lifecycle stage: no answer for purchaseShare="), output());
    }

    @Test
    void capAndTableTierRulesOverlappingIsACompletenessGap() throws IOException {
        copy();
        RulesFiles.replace(dir.resolve("key-account-tier.drl"), "RevenueTier($revenueTier: tier)\n    not KeyAccountTier()",
                "RevenueTier($revenueTier: tier)");
        RulesFiles.deleteScenarios(dir);
        assertEquals(1, run("check", dir.toString()));
        assertTrue(output().contains("completeness: tier: 2 different answers"), output());
    }

    @Test
    void scenarioTheRulesCannotDecideIsReportedInTheRulesOwnWords() throws IOException {
        copy();
        RulesFiles.replace(dir.resolve("key-account-tier.drl"), "RevenueTier($revenueTier: tier)\n    not KeyAccountTier()",
                "RevenueTier($revenueTier: tier)");
        assertEquals(1, run("test", dir.toString()));
        assertTrue(output().contains(": the rules could not decide: the rule set gave 2 different answers for the tier: "),
                output());
        assertTrue(!output().contains("live rule set") && !output().contains("nothing was logged"),
                "a rules check speaks of the rules, not of the service: " + output());
    }

    @Test
    void badUsageExitsWithTwo() {
        assertEquals(2, run("chek"));
        assertEquals(2, RulesCommand.run(new String[0], new PrintStream(out), new PrintStream(err)));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("usage: rules check [DIR]"));
    }

    private int run(String... args) {
        return RulesCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    }

    private void copy() throws IOException {
        RulesFiles.copy(Path.of("rules"), dir);
    }

}
