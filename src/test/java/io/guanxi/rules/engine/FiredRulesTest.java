package io.guanxi.rules.engine;

import static io.guanxi.rules.DefaultRules.customer;
import static io.guanxi.rules.DefaultRules.d;
import static io.guanxi.rules.DefaultRules.decide;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guanxi.facts.Advice;
import io.guanxi.facts.CooperationStage;
import io.guanxi.rules.DefaultRules;
import io.guanxi.rules.RuleFile;
import io.guanxi.rules.RuleId;
import io.guanxi.rules.RuleSetSource;
import io.guanxi.rules.compile.DecisionTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The decision log cites rules by name: every answer names the rules that gave it, by stable id. */
class FiredRulesTest {

    private static final Pattern RULE = Pattern.compile("^rule \"([^\"]+)\"", Pattern.MULTILINE);

    @Test
    void baselineAdviceNamesExactlyTheRulesThatDecidedIt() {
        Advice advice = decide(customer());
        assertEquals(List.of("COOP-020", "COOP-100", "LIFE-090", "NBA-070", "NBA-080", "NBA-120", "TIER-090",
                "TIER-290", "TYPE-020", "TYPE-105", "TYPE-290"), ids(advice));
    }

    @Test
    void everyDeclineReasonAndTheCapsAppearAmongTheFiredRules() {
        Advice advice = decide(customer().purchaseShare(d("0.1")).revenueTrend(d("-0.3")).satisfaction(d("2"))
                .openComplaints(3).annualRevenue(d("2000000")).strategicIndustry(true).profitMargin(d("0"))
                .paymentOnTimeRate(d("0.5")), CooperationStage.STABLE, "0.6");
        List<String> ids = ids(advice);
        for (String id : List.of("COOP-020", "COOP-140", "LIFE-010", "LIFE-020", "LIFE-030", "LIFE-040",
                "TIER-100", "TIER-110", "TIER-020", "TIER-200", "TIER-300", "TYPE-030", "TYPE-104", "TYPE-290",
                "NBA-020", "NBA-030", "NBA-040", "NBA-050", "NBA-070", "NBA-110")) {
            assertTrue(ids.contains(id), id + " missing from " + ids);
        }
        assertTrue(!ids.contains("TIER-310") && !ids.contains("TIER-290") && !ids.contains("TYPE-200"), ids.toString());
    }

    @Test
    void everyRuleNameIsUniqueAndStartsWithItsFilesId() throws IOException {
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("rules"))) {
            for (Path file : files.filter(f -> RuleSetSource.isRuleFile(f.getFileName().toString())).sorted().toList()) {
                String drl = ruleText(file);
                if (drl == null) {
                    continue;
                }
                Matcher m = RULE.matcher(drl);
                String prefix = null;
                while (m.find()) {
                    String name = m.group(1);
                    assertTrue(name.matches("[A-Z]+-\\d{3} .+"), name);
                    String filePrefix = name.substring(0, name.indexOf('-'));
                    assertTrue(prefix == null || prefix.equals(filePrefix), file + " mixes ids: " + name);
                    prefix = filePrefix;
                    names.add(name);
                }
            }
        }
        assertEquals(DefaultRules.ruleSet().ruleCount(), names.size());
        assertEquals(names.size(), new HashSet<>(names).size(), "duplicate rule name");
        assertEquals(names.size(), names.stream().map(n -> RuleId.ofRuleName(n).toString()).distinct().count(),
                "duplicate rule id");
    }

    /** The DRL of a rule file, generated for a decision table; null for the action catalogue. */
    private static String ruleText(Path file) throws IOException {
        RuleFile ruleFile = new RuleFile(file.getFileName().toString(), Files.readAllBytes(file));
        if (ruleFile.isDrl()) {
            String drl = new String(ruleFile.content(), StandardCharsets.UTF_8);
            assertTrue(drl.startsWith("// Business question: "), file + " opens with its business question");
            return drl;
        }
        if (ruleFile.isDecisionTable()) {
            assertTrue(new String(ruleFile.content(), StandardCharsets.UTF_8).startsWith("Business question,"),
                    file + " opens with its business question");
            DecisionTable table = DecisionTable.translate(file.toString(), ruleFile);
            assertEquals(List.of(), table.errors());
            return table.drl();
        }
        return null;
    }

    private static List<String> ids(Advice advice) {
        return advice.firedRules().stream().map(r -> RuleId.ofRuleName(r).toString()).sorted().toList();
    }
}
