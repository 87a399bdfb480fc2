package io.guanxi.rules;

import static io.guanxi.rules.AdviceActions.action;
import static io.guanxi.rules.AdviceActions.has;
import static io.guanxi.rules.AdviceActions.reasonIds;
import static io.guanxi.rules.DefaultRules.customer;
import static io.guanxi.rules.DefaultRules.d;
import static io.guanxi.rules.DefaultRules.decide;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guanxi.facts.Advice;
import io.guanxi.facts.CooperationStage;
import io.guanxi.facts.Transition;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** CRM-DOMAIN §1: the stage a purchase share indicates, and how the decided stage may move. */
class CooperationStageRulesTest {

    @ParameterizedTest(name = "share {0} -> {1}")
    @CsvSource({
            "0, DEVELOPMENT",
            "0.0, DEVELOPMENT",
            "0.00, DEVELOPMENT",
            "0E-10, DEVELOPMENT",
            "0.0001, INITIAL",
            "0.30, INITIAL",
            "0.4999, INITIAL",
            "0.49999999999999999999, INITIAL",
            "0.5, STABLE",
            "0.50, STABLE",
            "5E-1, STABLE",
            "0.500000000000000000000000, STABLE",
            "0.7999, STABLE",
            "0.79999999999999999999, STABLE",
            "0.8, STRATEGIC",
            "0.80, STRATEGIC",
            "8.0E-1, STRATEGIC",
            "1, STRATEGIC",
            "1.00, STRATEGIC"})
    void newCustomerTakesTheStageItsShareIndicates(String share, CooperationStage expected) {
        Advice advice = decide(customer().purchaseShare(d(share)));

        assertEquals(expected, advice.cooperationStage());
        assertEquals(Transition.NEW, advice.transition());
        assertNull(advice.previousCooperationStage());
        assertEquals(List.of(), advice.flags());
    }

    @ParameterizedTest(name = "stored {0}, share {1} -> {2} {3}, flags {4}")
    @CsvSource({
            // stored,    share, decided,    transition, flags
            "DEVELOPMENT, 0.9,   INITIAL,    ADVANCED,   STAGE_SKIP_BLOCKED",
            "DEVELOPMENT, 0.6,   INITIAL,    ADVANCED,   STAGE_SKIP_BLOCKED",
            "INITIAL,     0.9,   STABLE,     ADVANCED,   STAGE_SKIP_BLOCKED",
            "DEVELOPMENT, 0.2,   INITIAL,    ADVANCED,   ''",
            "INITIAL,     0.5,   STABLE,     ADVANCED,   ''",
            "STABLE,      0.8,   STRATEGIC,  ADVANCED,   ''",
            "DEVELOPMENT, 0,     DEVELOPMENT, HELD,      ''",
            "INITIAL,     0.4999, INITIAL,   HELD,       ''",
            "STABLE,      0.6,   STABLE,     HELD,       ''",
            "STRATEGIC,   1,     STRATEGIC,  HELD,       ''",
            "STRATEGIC,   0.7999, STABLE,    REGRESSED,  ''",
            "STABLE,      0.4999, INITIAL,   REGRESSED,  ''",
            "INITIAL,     0,     DEVELOPMENT, REGRESSED, ''",
            "STRATEGIC,   0.1,   INITIAL,    REGRESSED,  ABRUPT_REGRESSION",
            "STRATEGIC,   0,     DEVELOPMENT, REGRESSED, ABRUPT_REGRESSION",
            "STABLE,      0,     DEVELOPMENT, REGRESSED, ABRUPT_REGRESSION"})
    void decidedStageMovesOneStepUpAtMostAndFlagsSkipsAndAbruptDrops(
            CooperationStage stored, String share, CooperationStage decided, Transition transition, String flags) {
        Advice advice = decide(customer().purchaseShare(d(share)), stored, null);

        assertEquals(decided, advice.cooperationStage());
        assertEquals(stored, advice.previousCooperationStage());
        assertEquals(transition, advice.transition());
        assertEquals(flags.isEmpty() ? List.of() : List.of(flags), advice.flags());
    }

    @Test
    void blockedSkipFromDevelopmentLandsOnInitialWithItsActions() {
        Advice advice = decide(customer().purchaseShare(d("0.9")), CooperationStage.DEVELOPMENT, "0");

        assertEquals(CooperationStage.INITIAL, advice.cooperationStage());
        assertTrue(has(advice, "NEEDS_ANALYSIS"));
        assertFalse(has(advice, "JOINT_PLANNING"), "no strategic actions for a blocked skip");
        assertFalse(has(advice, "CUSTOMER_PLANNING"), "no development actions after advancing");
    }

    @Test
    void oneStepAdvanceRaisesNoFlagAndNoRepair() {
        Advice advice = decide(customer().purchaseShare(d("0.5")), CooperationStage.INITIAL, "0.45");

        assertEquals(CooperationStage.STABLE, advice.cooperationStage());
        assertEquals(Transition.ADVANCED, advice.transition());
        assertEquals(List.of(), advice.flags());
        assertFalse(has(advice, "RELATIONSHIP_REPAIR"));
    }

    @Test
    void regressionByOneStageBringsRepairButNoAbruptFlag() {
        Advice advice = decide(customer().purchaseShare(d("0.7")), CooperationStage.STRATEGIC, "0.75");

        assertEquals(CooperationStage.STABLE, advice.cooperationStage());
        assertEquals(Transition.REGRESSED, advice.transition());
        assertFalse(advice.flags().contains("ABRUPT_REGRESSION"));
        assertEquals(List.of("NBA-020"), reasonIds(advice, "RELATIONSHIP_REPAIR"));
        assertFalse(has(advice, "WIN_BACK"), "a gradual one-stage regression needs no rescue");
    }

    @Test
    void abruptRegressionPutsWinBackFirstWithBothReasons() {
        Advice advice = decide(customer().purchaseShare(d("0.1")), CooperationStage.STRATEGIC, "0.9");

        assertEquals(CooperationStage.INITIAL, advice.cooperationStage());
        assertEquals(Transition.REGRESSED, advice.transition());
        assertTrue(advice.flags().contains("ABRUPT_REGRESSION"));
        assertEquals(1, action(advice, "WIN_BACK").priority());
        assertEquals(List.of("NBA-010", "NBA-030"), reasonIds(advice, "WIN_BACK"));
        assertEquals(2, action(advice, "RELATIONSHIP_REPAIR").priority());
    }

    @Test
    void abruptRegressionWithoutDeclineStillPutsWinBackFirst() {
        // No previous share: the lifecycle cannot decline by a share drop, so only NBA-010 proposes it.
        Advice advice = decide(customer().purchaseShare(d("0.1")), CooperationStage.STRATEGIC, null);

        assertEquals(1, action(advice, "WIN_BACK").priority());
        assertEquals(List.of("NBA-010"), reasonIds(advice, "WIN_BACK"));
    }

    @Test
    void developmentToInitialIsAnOrdinaryAdvance() {
        Advice advice = decide(customer().purchaseShare(d("0.2")), CooperationStage.DEVELOPMENT, "0");

        assertEquals(CooperationStage.INITIAL, advice.cooperationStage());
        assertEquals(CooperationStage.DEVELOPMENT, advice.previousCooperationStage());
        assertEquals(Transition.ADVANCED, advice.transition());
        assertEquals(List.of(), advice.flags());
    }

    @Test
    void adviceNamesTheRuleSetVersionAndTheRulesThatDecided() {
        Advice advice = decide(customer());

        assertEquals(DefaultRules.ruleSet().version(), advice.rulesetVersion());
        assertTrue(advice.firedRules().contains("COOP-020 share above 0 and below 0.50 -> INITIAL"));
        assertTrue(advice.firedRules().stream().anyMatch(r -> r.startsWith("COOP-100 ")));
    }
}
