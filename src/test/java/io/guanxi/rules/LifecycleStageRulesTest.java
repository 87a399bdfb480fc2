package io.guanxi.rules;

import static io.guanxi.rules.DefaultRules.customer;
import static io.guanxi.rules.DefaultRules.d;
import static io.guanxi.rules.DefaultRules.decide;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.guanxi.facts.CooperationStage;
import io.guanxi.facts.CustomerFacts;
import io.guanxi.facts.LifecycleStage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** CRM-DOMAIN §2: each lifecycle threshold on both sides, and the precedence between stages. */
class LifecycleStageRulesTest {

    /** The baseline customer at a stable share, otherwise eligible for STABILITY. */
    private static CustomerFacts.Builder stableCustomer() {
        return customer().purchaseShare(d("0.6"));
    }

    @Test
    void baselineCustomerIsInFormation() {
        assertEquals(LifecycleStage.FORMATION, decide(customer()).lifecycleStage());
    }

    @ParameterizedTest(name = "revenue trend {0} -> {1}")
    @CsvSource({"-1, DECLINE", "-0.20, DECLINE", "-0.2, DECLINE", "-0.1999, FORMATION", "-0.19999999999999999999, FORMATION"})
    void revenueTrendOfMinusTwentyPercentOrWorseIsDecline(String trend, LifecycleStage expected) {
        assertEquals(expected, decide(customer().revenueTrend(d(trend))).lifecycleStage());
    }

    @ParameterizedTest(name = "share {0} -> {1}: {2}")
    @CsvSource({
            "0.6, 0.5,    DECLINE",
            "0.60, 0.50,  DECLINE",
            "0.6, 0.4,    DECLINE",
            "0.6, 0.5001, STABILITY",
            "0.6, 0.6,    STABILITY",
            "0.5, 0.7,    STABILITY",
            "0.7, 0.59999999999999999999, DECLINE",
            "0.7, 0.60000000000000000001, STABILITY"})
    void shareFallOfTenPointsOrMoreSinceThePreviousDecisionIsDecline(
            String previousShare, String share, LifecycleStage expected) {
        assertEquals(expected,
                decide(customer().purchaseShare(d(share)), CooperationStage.STABLE, previousShare).lifecycleStage());
    }

    @Test
    void firstDecisionCanNeverDeclineByShareDrop() {
        // The same share as a fall from 0.6 would be, but with nothing stored.
        assertEquals(LifecycleStage.STABILITY, decide(stableCustomer().purchaseShare(d("0.5"))).lifecycleStage());
    }

    @Test
    void storedStageWithoutPreviousShareCannotDeclineByShareDrop() {
        assertEquals(LifecycleStage.STABILITY,
                decide(stableCustomer().purchaseShare(d("0.5")), CooperationStage.STABLE, null).lifecycleStage());
    }

    @ParameterizedTest(name = "satisfaction {0} -> {1}")
    @CsvSource({"1, DECLINE", "2.4999, DECLINE", "2.49999999999999999999, DECLINE", "2.5, FORMATION", "2.50, FORMATION", "3.9999, FORMATION"})
    void satisfactionBelowTwoAndAHalfIsDecline(String satisfaction, LifecycleStage expected) {
        assertEquals(expected, decide(customer().satisfaction(d(satisfaction))).lifecycleStage());
    }

    @ParameterizedTest(name = "{0} open complaints -> {1}")
    @CsvSource({"0, FORMATION", "1, FORMATION", "2, FORMATION", "3, DECLINE", "10000, DECLINE"})
    void threeOrMoreOpenComplaintsIsDecline(int complaints, LifecycleStage expected) {
        assertEquals(expected, decide(customer().openComplaints(complaints)).lifecycleStage());
    }

    @ParameterizedTest(name = "tenure {0} months -> {1}")
    @CsvSource({"0, EXPLORATION", "5, EXPLORATION", "6, FORMATION", "24, FORMATION"})
    void tenureBelowSixMonthsIsExploration(int tenure, LifecycleStage expected) {
        assertEquals(expected, decide(customer().tenureMonths(tenure)).lifecycleStage());
    }

    @ParameterizedTest(name = "{0} orders -> {1}")
    @CsvSource({"0, EXPLORATION", "2, EXPLORATION", "3, FORMATION", "12, FORMATION"})
    void atMostTwoOrdersInTwelveMonthsIsExploration(int orders, LifecycleStage expected) {
        assertEquals(expected, decide(customer().orderCount12m(orders)).lifecycleStage());
    }

    @ParameterizedTest(name = "share {0} -> {1}")
    @CsvSource({"0, FORMATION", "0.4999, FORMATION", "0.5, STABILITY", "0.8, STABILITY", "1, STABILITY"})
    void stabilityNeedsStableOrStrategicCooperation(String share, LifecycleStage expected) {
        assertEquals(expected, decide(customer().purchaseShare(d(share))).lifecycleStage());
    }

    @ParameterizedTest(name = "revenue trend {0} -> {1}")
    @CsvSource({"-0.05, STABILITY", "-0.050, STABILITY", "-0.0501, FORMATION", "-0.05000000000000000001, FORMATION", "0, STABILITY"})
    void stabilityNeedsRevenueTrendOfMinusFivePercentOrBetter(String trend, LifecycleStage expected) {
        assertEquals(expected, decide(stableCustomer().revenueTrend(d(trend))).lifecycleStage());
    }

    @ParameterizedTest(name = "satisfaction {0} -> {1}")
    @CsvSource(value = {"4.0, STABILITY", "4, STABILITY", "5, STABILITY", "3.9999, FORMATION", "2.5, FORMATION", "NULL, STABILITY"},
            nullValues = "NULL")
    void stabilityNeedsSatisfactionOfFourOrUnknown(String satisfaction, LifecycleStage expected) {
        assertEquals(expected,
                decide(stableCustomer().satisfaction(satisfaction == null ? null : d(satisfaction))).lifecycleStage());
    }

    @Test
    void stabilityReadsTheDecidedStageNotTheIndicatedOne() {
        // Share 0.9 indicates STRATEGIC, but from DEVELOPMENT the decided stage is only INITIAL.
        assertEquals(LifecycleStage.FORMATION,
                decide(customer().purchaseShare(d("0.9")), CooperationStage.DEVELOPMENT, "0").lifecycleStage());
        // From INITIAL the decided stage is STABLE, which is enough for STABILITY.
        assertEquals(LifecycleStage.STABILITY,
                decide(customer().purchaseShare(d("0.9")), CooperationStage.INITIAL, "0.4").lifecycleStage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "decline beats exploration (new customer with complaints),        3, 2, 0.05,  DECLINE",
            "decline beats exploration (trial orders and falling revenue),      24, 1, -0.2, DECLINE",
            "decline beats stability,                                        24, 12, -0.2, DECLINE",
            "exploration beats stability (short tenure),                      5, 12, 0.05, EXPLORATION",
            "exploration beats stability (few orders),                       24, 2, 0.05,  EXPLORATION",
            "stability when nothing else applies,                            24, 12, 0.05, STABILITY"})
    void declineBeatsExplorationBeatsStability(String why, int tenure, int orders, String trend, LifecycleStage expected) {
        CustomerFacts.Builder facts = stableCustomer().tenureMonths(tenure).orderCount12m(orders).revenueTrend(d(trend));
        if (why.contains("complaints")) {
            facts.openComplaints(3);
        }
        assertEquals(expected, decide(facts).lifecycleStage(), why);
    }

    @Test
    void severalDeclineReasonsStillGiveOneDecline() {
        var advice = decide(customer().revenueTrend(d("-0.5")).satisfaction(d("1")).openComplaints(5)
                .purchaseShare(d("0.1")), CooperationStage.INITIAL, "0.4");
        assertEquals(LifecycleStage.DECLINE, advice.lifecycleStage());
        assertEquals(4, advice.firedRules().stream().filter(r -> r.matches("LIFE-0[1-4]0 .*")).count());
    }
}
