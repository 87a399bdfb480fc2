package io.guanxi.rules;

import static io.guanxi.rules.AdviceActions.has;
import static io.guanxi.rules.DefaultRules.customer;
import static io.guanxi.rules.DefaultRules.d;
import static io.guanxi.rules.DefaultRules.decide;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guanxi.facts.Advice;
import io.guanxi.facts.CooperationStage;
import io.guanxi.facts.Tier;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** CRM-DOMAIN §3: the tier table and its edges, the profit and credit caps, and the 三优 entitlements. */
class KeyAccountTierRulesTest {

    @ParameterizedTest(name = "revenue {0}, share {1}, strategic industry {2}, trend {3} -> {4}")
    @CsvSource({
            // revenue,   share, strategicIndustry, trend, tier
            "5000000,     0.5,   false, 0.05,   STRATEGIC",
            "5000000,     0.8,   false, 0.05,   STRATEGIC",
            "5000000.00,  0.6,   false, 0.05,   STRATEGIC",
            "4999999.99,  0.6,   false, 0.05,   KEY",
            "4999999.99,  0.9,   false, 0.05,   KEY",
            "4999999.9999999999999999999, 0.6, false, 0.05, KEY",
            "1999999.9999999999999999999, 0.3, true,  0.05, KEY",
            "999999.9999999999999999999,  0.3, false, 0.05, STANDARD",
            "5000000,     0.3,   false, 0.05,   KEY",
            "5000000,     0,     false, 0.05,   KEY",
            "2000000,     0.3,   true,  0.05,   STRATEGIC",
            "2000000,     0,     true,  0.05,   STRATEGIC",
            "1999999.99,  0.3,   true,  0.05,   KEY",
            "2000000,     0.3,   false, 0.05,   KEY",
            "1000000,     0.3,   false, 0.05,   KEY",
            "1000000.00,  0.3,   false, 0.05,   KEY",
            "999999.99,   0.3,   false, 0.05,   STANDARD",
            "999999.99,   0.3,   true,  0.05,   STANDARD",
            "999999.99,   0.3,   false, 0.30,   GROWTH",
            "0,           0,     false, 0.3,    GROWTH",
            "999999.99,   0.3,   false, 0.2999, STANDARD",
            "999999.99,   0.3,   false, 0.29999999999999999999, STANDARD",
            "1000000,     0.3,   false, 0.5,    KEY",
            "1000000,     0.3,   false, 10,     KEY",
            "0,           0.3,   false, -1,     STANDARD"})
    void tierTableGivesTheMostValuableTierThatApplies(
            String revenue, String share, boolean strategicIndustry, String trend, Tier expected) {
        Advice advice = decide(customer().annualRevenue(d(revenue)).purchaseShare(d(share))
                .strategicIndustry(strategicIndustry).revenueTrend(d(trend)));
        assertEquals(expected, advice.tier());
    }

    @Test
    void strategicRevenueTierReadsTheDecidedStageAfterABlockedSkip() {
        // Share 0.9 indicates STRATEGIC, but from DEVELOPMENT the decided stage is INITIAL: not STRATEGIC.
        Advice fromDevelopment = decide(customer().annualRevenue(d("5000000")).purchaseShare(d("0.9")),
                CooperationStage.DEVELOPMENT, "0");
        assertEquals(Tier.KEY, fromDevelopment.tier());
        // From INITIAL the decided stage is STABLE, which is enough.
        Advice fromInitial = decide(customer().annualRevenue(d("5000000")).purchaseShare(d("0.9")),
                CooperationStage.INITIAL, "0.4");
        assertEquals(Tier.STRATEGIC, fromInitial.tier());
    }

    @ParameterizedTest(name = "margin {0} -> flags {1}, tier {2}")
    @CsvSource({
            "-1,     UNPROFITABLE, KEY",
            "0,      UNPROFITABLE, KEY",
            "0.00,   UNPROFITABLE, KEY",
            "0.0001, '',           STRATEGIC",
            "0.0000000000000000000000001, '', STRATEGIC",
            "-0.0000000000000000000000001, UNPROFITABLE, KEY",
            "0.5,    '',           STRATEGIC"})
    void marginOfZeroOrLessIsUnprofitableAndCapsStrategicAtKey(String margin, String flag, Tier expected) {
        Advice advice = decide(customer().annualRevenue(d("6000000")).purchaseShare(d("0.9")).profitMargin(d(margin)));
        assertEquals(flag.isEmpty() ? List.of() : List.of(flag), advice.flags());
        assertEquals(expected, advice.tier());
    }

    @ParameterizedTest(name = "on-time rate {0} -> credit risk {1}, tier {2}")
    @CsvSource(value = {
            "0,      true,  KEY",
            "0.7999, true,  KEY",
            "0.79999999999999999999, true, KEY",
            "0.8,    false, STRATEGIC",
            "0.80,   false, STRATEGIC",
            "1,      false, STRATEGIC",
            "NULL,   false, STRATEGIC"}, nullValues = "NULL")
    void payingOnTimeLessThanEightyPercentIsACreditRiskWithReviewAndCap(String rate, boolean risk, Tier expected) {
        Advice advice = decide(customer().annualRevenue(d("6000000")).purchaseShare(d("0.9"))
                .paymentOnTimeRate(rate == null ? null : d(rate)));
        assertEquals(risk ? List.of("CREDIT_RISK") : List.of(), advice.flags());
        assertEquals(risk, has(advice, "CREDIT_REVIEW"));
        assertEquals(expected, advice.tier());
    }

    @Test
    void capsNeverLowerATierBelowKey() {
        Advice key = decide(customer().annualRevenue(d("1000000")).profitMargin(d("-0.1")).paymentOnTimeRate(d("0.5")));
        assertEquals(Tier.KEY, key.tier());
        assertEquals(List.of("CREDIT_RISK", "UNPROFITABLE"), key.flags());

        Advice growth = decide(customer().revenueTrend(d("0.4")).profitMargin(d("0")));
        assertEquals(Tier.GROWTH, growth.tier());
        assertEquals(List.of("UNPROFITABLE"), growth.flags());

        Advice standard = decide(customer().paymentOnTimeRate(d("0.1")));
        assertEquals(Tier.STANDARD, standard.tier());
        assertTrue(has(standard, "CREDIT_REVIEW"), "the flag and its action do not depend on the tier");
    }

    private static final List<String> THREE = List.of("DEDICATED_ACCOUNT_MANAGER", "PREFERENTIAL_TERMS", "PRIORITY_SERVICE");
    private static final List<String> TWO = List.of("DEDICATED_ACCOUNT_MANAGER", "PRIORITY_SERVICE");

    @Test
    void strategicAndKeyAccountsGetTheThreeEntitlements() {
        Advice strategic = decide(customer().annualRevenue(d("5000000")).purchaseShare(d("0.8")));
        assertEquals(Tier.STRATEGIC, strategic.tier());
        assertEquals(THREE, sorted(strategic.entitlements()));

        Advice key = decide(customer().annualRevenue(d("1000000")));
        assertEquals(Tier.KEY, key.tier());
        assertEquals(THREE, sorted(key.entitlements()));
    }

    @ParameterizedTest(name = "revenue {0}, margin {1}, on-time {2}")
    @CsvSource(value = {
            "5000000, 0,    NULL",
            "5000000, 0.2,  0.5",
            "5000000, -0.5, 0.1",
            "1000000, 0,    NULL",
            "1000000, 0.2,  0.7999"}, nullValues = "NULL")
    void unprofitableOrCreditRiskCustomersGetNoPreferentialTerms(String revenue, String margin, String rate) {
        Advice advice = decide(customer().annualRevenue(d(revenue)).purchaseShare(d("0.9")).profitMargin(d(margin))
                .paymentOnTimeRate(rate == null ? null : d(rate)));
        assertEquals(Tier.KEY, advice.tier());
        assertEquals(TWO, sorted(advice.entitlements()));
    }

    @ParameterizedTest(name = "revenue {0}, trend {1}")
    @CsvSource({"999999.99, 0.3", "500000, 0.05", "0, -1"})
    void growthAndStandardCustomersGetNoEntitlements(String revenue, String trend) {
        Advice advice = decide(customer().annualRevenue(d(revenue)).revenueTrend(d(trend)));
        assertFalse(advice.tier() == Tier.KEY || advice.tier() == Tier.STRATEGIC);
        assertEquals(List.of(), advice.entitlements());
        assertFalse(advice.actions().stream().anyMatch(a -> THREE.contains(a.code())), "entitlements are not actions");
    }

    private static List<String> sorted(List<String> codes) {
        return codes.stream().sorted().toList();
    }
}
