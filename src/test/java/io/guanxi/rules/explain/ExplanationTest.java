package io.guanxi.rules.explain;

import static io.guanxi.rules.DefaultRules.customer;
import static io.guanxi.rules.DefaultRules.d;
import static io.guanxi.rules.DefaultRules.decide;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guanxi.facts.Advice;
import io.guanxi.facts.CooperationStage;
import io.guanxi.facts.Explanation;
import io.guanxi.facts.FactField;
import io.guanxi.rules.DefaultRules;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Each output of a decision names the rules that set it and the fact values those rules read. */
class ExplanationTest {

    @Test
    void strategicTierCitesRevenueAndCooperationStageWithTheThreshold() {
        Advice advice = decide(customer().annualRevenue(d("6000000")).purchaseShare(d("0.6")), CooperationStage.STABLE,
                "0.6");

        Explanation tier = only(advice, "tier");
        assertEquals("STRATEGIC", tier.code());
        assertEquals("战略大客户", tier.label());
        Explanation.Reason table = reason(tier, "TIER-010");
        assertEquals("6000000", value(table, "annualRevenue").value());
        assertEquals("年营业额", value(table, "annualRevenue").label());
        assertEquals("STABLE", value(table, "cooperationStage").value());
        assertEquals("稳定合作", value(table, "cooperationStage").valueLabel());
        assertTrue(table.text().startsWith("TIER-010: "), table.text());
        assertTrue(table.text().contains("annualRevenue=6000000 >= 5000000"), table.text());
        assertTrue(table.text().contains("cooperationStage=STABLE"), table.text());
        assertTrue(table.conditions().contains("CustomerFacts($annualRevenue: annualRevenue, annualRevenue >= 5000000)"),
                table.conditions().toString());
        assertTrue(table.basedOn().stream().anyMatch(r -> r.startsWith("COOP-110 ")), table.basedOn().toString());
        assertTrue(reason(tier, "TIER-290").basedOn().stream().anyMatch(r -> r.startsWith("TIER-010 ")));
    }

    @Test
    void shareDropShowsPreviousShareShareAndDropExactly() {
        Advice advice = decide(customer().purchaseShare(d("0.5")), CooperationStage.STABLE, "0.6");

        Explanation.Reason drop = reason(only(advice, "lifecycleStage"), "LIFE-020");
        assertEquals("0.6", value(drop, "previousShare").value());
        assertEquals("0.5", value(drop, "share").value());
        assertEquals("0.1", value(drop, "drop").value());
        assertEquals("份额降幅", value(drop, "drop").label());
        assertTrue(drop.text().contains("drop=0.1 >= 0.10"), drop.text());
    }

    @Test
    void aBindingNamedAfterAnyFactOfTheRequestCarriesTheFactsChineseLabel() {
        for (FactField fact : FactField.values()) {
            assertEquals(fact.label(), Labels.label(fact.jsonName()), fact.jsonName());
        }
        assertEquals(FactField.PURCHASE_SHARE.label(), Labels.label("share"));
    }

    @Test
    void everyActionListsEachProposingRuleWithItsBindings() {
        Advice advice = decide(customer().purchaseShare(d("0.1")).revenueTrend(d("-0.3")), CooperationStage.STRATEGIC,
                "0.9");

        List<Explanation> actions = all(advice, "action");
        assertEquals(advice.actions().size(), actions.size());
        for (int i = 0; i < actions.size(); i++) {
            assertEquals(advice.actions().get(i).code(), actions.get(i).code());
            assertEquals(advice.actions().get(i).label(), actions.get(i).label());
            assertEquals(advice.actions().get(i).reasons(),
                    actions.get(i).rules().stream().map(Explanation.Reason::rule).distinct().toList());
            actions.get(i).rules().forEach(r -> assertFalse(r.values().isEmpty(), r.rule()));
        }
        Explanation winBack = actions.stream().filter(a -> a.code().equals("WIN_BACK")).findFirst().orElseThrow();
        assertEquals("ABRUPT_REGRESSION", value(reason(winBack, "NBA-010"), "flag").value());
        assertEquals("DECLINE", value(reason(winBack, "NBA-030"), "lifecycleStage").value());
        assertEquals(List.of("LIFE-010", "LIFE-020"), winBack.rules().stream().filter(r -> r.rule().startsWith("NBA-030 "))
                .map(r -> r.basedOn().get(0).substring(0, 8)).sorted().toList(), "one reason per firing, each citing its decline rule");
        assertEquals("退化期", value(reason(winBack, "NBA-030"), "lifecycleStage").valueLabel());
    }

    @Test
    void everyOutputIsExplainedByAtLeastOneRule() {
        Advice advice = decide(customer().profitMargin(d("0")).paymentOnTimeRate(d("0.5")).annualRevenue(d("2000000")));

        Map<String, Long> outputs = explanations(advice).stream()
                .collect(Collectors.groupingBy(Explanation::output, Collectors.counting()));
        assertEquals(Map.of("cooperationStage", 1L, "transition", 1L, "lifecycleStage", 1L, "tier", 1L,
                "relationshipType", 1L, "flag", (long) advice.flags().size(), "entitlement",
                (long) advice.entitlements().size(), "action", (long) advice.actions().size()), outputs);
        explanations(advice).forEach(e -> assertFalse(e.rules().isEmpty(), e.output() + " " + e.code()));
        Explanation.Reason cap = reason(only(advice, "tier"), "TIER-030");
        assertEquals("2000000", value(cap, "annualRevenue").value());
        assertTrue(reason(only(advice, "cooperationStage"), "COOP-020").text().contains("share=0.3 > 0 and < 0.50"));
        assertTrue(reason(only(advice, "relationshipType"), "TYPE-030").text().contains("profitMargin=0 < 0.10"));
    }

    /** Rendered as the explanation endpoint renders a stored trace: with the rule set that decided. */
    private static List<Explanation> explanations(Advice advice) {
        return DefaultRules.ruleSet().explain(advice.explanation());
    }

    private static Explanation only(Advice advice, String output) {
        List<Explanation> found = all(advice, output);
        assertEquals(1, found.size(), output);
        return found.get(0);
    }

    private static List<Explanation> all(Advice advice, String output) {
        return explanations(advice).stream().filter(e -> e.output().equals(output)).toList();
    }

    private static Explanation.Reason reason(Explanation e, String ruleId) {
        return e.rules().stream().filter(r -> r.rule().startsWith(ruleId + " ")).findFirst()
                .orElseThrow(() -> new AssertionError(ruleId + " not among " + e.rules().stream().map(Explanation.Reason::rule).toList()));
    }

    private static Explanation.Value value(Explanation.Reason r, String name) {
        return r.values().stream().filter(v -> v.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not read by " + r.text()));
    }
}
