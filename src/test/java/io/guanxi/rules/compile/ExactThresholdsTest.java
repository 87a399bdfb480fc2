package io.guanxi.rules.compile;

import static io.guanxi.rules.DefaultRules.customer;
import static io.guanxi.rules.DefaultRules.d;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.guanxi.facts.CooperationStage;
import io.guanxi.facts.LifecycleStage;
import io.guanxi.facts.StoredRelationship;
import io.guanxi.rules.DefaultRules;
import io.guanxi.rules.RuleSetSource;
import io.guanxi.rules.engine.RuleSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * However an analyst spells a decimal threshold, it is compared exactly: a share that fell from 0.6
 * to 0.5 has fallen by 0.10, whatever way the rule file writes 0.10.
 */
class ExactThresholdsTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "drop >= {0}")
    @ValueSource(strings = {"0.10", "0.1", ".10", ".1", "1.0e-1", "1e-1", "10E-2"})
    void shareDropThresholdIsExactHoweverItIsWritten(String threshold) throws IOException {
        RuleSetCompilerTest.copyRules(dir);
        Path drl = dir.resolve("lifecycle-stage.drl");
        Files.writeString(drl, Files.readString(drl).replace("drop >= 0.10)", "drop >= " + threshold + ")"));
        RuleSet rules = new RuleSetCompiler(DefaultRules.PINNED).compile(RuleSetSource.read(dir));

        var advice = rules.evaluate(customer().purchaseShare(d("0.5")).build(),
                new StoredRelationship(CooperationStage.STABLE, d("0.6")));

        assertEquals(LifecycleStage.DECLINE, advice.lifecycleStage());
    }
}
