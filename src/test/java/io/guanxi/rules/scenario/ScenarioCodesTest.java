package io.guanxi.rules.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guanxi.rules.DefaultRules;
import io.guanxi.rules.RuleSetSource;
import io.guanxi.rules.compile.RuleSetCompiler;
import io.guanxi.rules.compile.RuleSetCompilerTest;
import io.guanxi.rules.engine.RuleSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A scenario may name only the flags and entitlements the rule files raise in code, never in a comment. */
class ScenarioCodesTest {

    @TempDir
    Path dir;

    @Test
    void aFlagRaisedOnlyInACommentIsUnknownToScenarios() throws IOException {
        RuleSetCompilerTest.copyRules(dir);
        Path drl = dir.resolve("cooperation-stage.drl");
        Files.writeString(drl, Files.readString(drl) + """
                // insert(new Flag("RETIRED_FLAG"));
                /* insert(new Entitlement("RETIRED_ENTITLEMENT")); */
                """);
        Files.createDirectories(dir.resolve("tests"));
        Files.writeString(dir.resolve("tests/retired.yaml"), """
                cases:
                  - name: retired codes
                    given: {purchaseShare: 0.30, annualRevenue: 500000, profitMargin: 0.15, revenueTrend: 0.05,
                            orderCount12m: 12, tenureMonths: 24, segmentSize: MEDIUM}
                    expect: {flagsAbsent: [RETIRED_FLAG]}
                """);
        RuleSet rules = new RuleSetCompiler(DefaultRules.PINNED).compile(RuleSetSource.read(dir));

        List<String> problems = ScenarioSuite.parse(dir.toString(), ScenarioSuite.read(dir)).run(rules);

        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("unknown flag 'RETIRED_FLAG'"), problems.toString());
    }
}
