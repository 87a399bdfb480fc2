package io.guanxi.rules.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guanxi.rules.RuleFile;
import io.guanxi.rules.RuleSetSource;
import io.guanxi.rules.lifecycle.Candidate;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Two versions of the shipped rules compared rule by rule, as an analyst reads a change before it goes live. */
class RuleSetDiffTest {

    private static final Candidate SHIPPED = Candidate.read(Path.of("rules"));

    @Test
    void aChangedThresholdIsOneChangedRuleWithItsLines() {
        RuleSetDiff diff = RuleSetDiff.between(SHIPPED, edited("cooperation-stage.drl", t -> t.replace(
                "purchaseShare >= 0.80", "purchaseShare >= 0.85")));
        List<RuleSetDiff.RuleChange> changed = diff.rules();
        assertTrue(!changed.isEmpty() && changed.stream().allMatch(r -> r.change() == RuleSetDiff.Change.CHANGED
                && r.file().equals("cooperation-stage.drl") && r.rule().startsWith("COOP-")), () -> "changes: " + changed);
        assertTrue(changed.get(0).diff().stream().anyMatch(l -> l.startsWith("-") && l.contains("0.80")));
        assertTrue(changed.get(0).diff().stream().anyMatch(l -> l.startsWith("+") && l.contains("0.85")));
        assertEquals(ruleCount() - changed.size(), diff.unchangedRules());
        assertEquals(List.of("cooperation-stage.drl"), diff.files().stream()
                .filter(f -> f.change() != RuleSetDiff.Change.UNCHANGED).map(RuleSetDiff.FileChange::path).toList());
    }

    @Test
    void aRuleWhoseIdChangesIsRemovedAndAdded() {
        RuleSetDiff renamed = RuleSetDiff.between(SHIPPED, edited("cooperation-stage.drl",
                t -> t.replaceFirst("rule \"COOP-", "rule \"COOPX-")));
        assertEquals(List.of(RuleSetDiff.Change.ADDED, RuleSetDiff.Change.REMOVED),
                renamed.rules().stream().map(RuleSetDiff.RuleChange::change).toList());
    }

    @Test
    void aDecisionTableIsComparedByTheRulesItGenerates() {
        RuleSetDiff diff = RuleSetDiff.between(SHIPPED, SHIPPED);
        assertTrue(diff.rules().isEmpty());
        assertEquals(ruleCount(), diff.unchangedRules());
        assertTrue(RuleBlocks.of(SHIPPED.rules().files()).values().stream()
                .anyMatch(b -> b.file().equals("relationship-type.drl.csv")), "the table's rules are read");
    }

    private static int ruleCount() {
        return RuleBlocks.of(SHIPPED.rules().files()).size();
    }

    private static Candidate edited(String path, UnaryOperator<String> edit) {
        List<RuleFile> files = new ArrayList<>();
        for (RuleFile f : SHIPPED.rules().files()) {
            files.add(f.path().equals(path) ? new RuleFile(path, edit.apply(new String(f.content(),
                    StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8)) : f);
        }
        return new Candidate(RuleSetSource.of("rules", files), SHIPPED.scenarios());
    }
}
