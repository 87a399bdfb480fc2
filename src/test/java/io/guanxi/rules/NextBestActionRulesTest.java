package io.guanxi.rules;

import static io.guanxi.rules.AdviceActions.action;
import static io.guanxi.rules.AdviceActions.codes;
import static io.guanxi.rules.AdviceActions.has;
import static io.guanxi.rules.AdviceActions.reasonIds;
import static io.guanxi.rules.DefaultRules.customer;
import static io.guanxi.rules.DefaultRules.d;
import static io.guanxi.rules.DefaultRules.decide;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.guanxi.facts.Advice;
import io.guanxi.facts.CooperationStage;
import io.guanxi.facts.RelationshipType;
import io.guanxi.facts.SegmentSize;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** CRM-DOMAIN §5: which rows propose which actions, and how the ranked list is ordered and merged. */
class NextBestActionRulesTest {

    @Test
    void initialCustomerInFormationGetsStageActionsThenTheRelationshipAction() {
        Advice advice = decide(customer());
        assertEquals(List.of("NEEDS_ANALYSIS", "PRODUCT_DEMO_TRAINING", "BUILD_TRUST",
                "UPSELL_CROSS_SELL", "SATISFACTION_SURVEY", "POST_SALE_CALLBACK"), codes(advice));
        assertEquals(List.of("NBA-070"), reasonIds(advice, "NEEDS_ANALYSIS"));
        assertEquals(List.of("NBA-080"), reasonIds(advice, "SATISFACTION_SURVEY"));
        assertEquals(List.of("NBA-120"), reasonIds(advice, "POST_SALE_CALLBACK"));
    }

    @Test
    void developmentStageGetsTheFourProspectingActionsInOrder() {
        Advice advice = decide(customer().purchaseShare(d("0")));
        assertEquals(List.of("CUSTOMER_PLANNING", "PHONE_INVITATION", "FIRST_VISIT", "INITIAL_PROPOSAL",
                "UPSELL_CROSS_SELL", "SATISFACTION_SURVEY", "POST_SALE_CALLBACK"), codes(advice));
    }

    @Test
    void explorationGetsTrustBuildingActionsWhateverTheStage() {
        Advice advice = decide(customer().purchaseShare(d("0.6")).tenureMonths(3));
        assertEquals(List.of("NEEDS_ANALYSIS", "PRODUCT_DEMO_TRAINING", "BUILD_TRUST", "POST_SALE_CALLBACK"), codes(advice));
    }

    @Test
    void initialStageInExplorationNamesTheTrustRowOnce() {
        Advice advice = decide(customer().tenureMonths(1));
        assertEquals(List.of("NEEDS_ANALYSIS", "PRODUCT_DEMO_TRAINING", "BUILD_TRUST", "POST_SALE_CALLBACK"), codes(advice));
        assertEquals(List.of("NBA-070"), reasonIds(advice, "BUILD_TRUST"));
    }

    @Test
    void strategicPartnerGetsJointPlanningOnceAtItsStageRowWithBothReasons() {
        Advice advice = decide(customer().purchaseShare(d("0.9")).segmentSize(SegmentSize.FEW).profitMargin(d("0.5")));
        assertEquals(RelationshipType.PARTNERSHIP, advice.relationshipType());
        assertEquals(List.of("LOYALTY_REWARD", "REGULAR_CONTACT", "JOINT_PLANNING", "EXECUTIVE_SPONSOR", "CO_DESIGN"),
                codes(advice));
        assertEquals(3, action(advice, "JOINT_PLANNING").priority());
        assertEquals(List.of("NBA-100", "NBA-140"), reasonIds(advice, "JOINT_PLANNING"));
    }

    @Test
    void partnershipWithoutStrategicCooperationGetsJointPlanningAsRelationshipAction() {
        Advice advice = decide(customer().purchaseShare(d("0.6")).segmentSize(SegmentSize.FEW).profitMargin(d("0.5")));
        assertEquals(List.of("LOYALTY_REWARD", "REGULAR_CONTACT", "JOINT_PLANNING"), codes(advice));
        assertEquals(List.of("NBA-140"), reasonIds(advice, "JOINT_PLANNING"));
    }

    @Test
    void correctiveActionsComeBeforeStageAndRelationshipActionsInRowOrder() {
        Advice advice = decide(customer().purchaseShare(d("0.6")).openComplaints(1).paymentOnTimeRate(d("0.5")),
                CooperationStage.STRATEGIC, "0.9");
        assertEquals(List.of("RELATIONSHIP_REPAIR", "WIN_BACK", "COMPLAINT_RESOLUTION", "CREDIT_REVIEW",
                "POST_SALE_CALLBACK"), codes(advice));
        assertEquals(List.of("NBA-030"), reasonIds(advice, "WIN_BACK"));
        assertEquals(List.of(1, 2, 3, 4, 5), advice.actions().stream().map(a -> a.priority()).toList());
    }

    @Test
    void abruptRegressionMakesWinBackUrgentAheadOfRepair() {
        Advice advice = decide(customer().purchaseShare(d("0.1")), CooperationStage.STRATEGIC, "0.9");
        assertEquals(List.of("WIN_BACK", "RELATIONSHIP_REPAIR", "NEEDS_ANALYSIS", "PRODUCT_DEMO_TRAINING", "BUILD_TRUST",
                "POST_SALE_CALLBACK"), codes(advice));
        assertEquals(List.of("NBA-010", "NBA-030"), reasonIds(advice, "WIN_BACK"));
    }

    @Test
    void declineAloneMakesWinBackCorrective() {
        Advice advice = decide(customer().revenueTrend(d("-0.2")).openComplaints(1));
        assertEquals(List.of("WIN_BACK", "COMPLAINT_RESOLUTION", "NEEDS_ANALYSIS", "PRODUCT_DEMO_TRAINING", "BUILD_TRUST",
                "POST_SALE_CALLBACK"), codes(advice));
        assertEquals(List.of("NBA-030"), reasonIds(advice, "WIN_BACK"));
    }

    @ParameterizedTest(name = "{0} open complaints -> resolution {1}")
    @CsvSource({"0, false", "1, true", "2, true", "3, true"})
    void openComplaintsBringComplaintResolution(int complaints, boolean expected) {
        assertEquals(expected, has(decide(customer().openComplaints(complaints)), "COMPLAINT_RESOLUTION"));
    }

    @ParameterizedTest(name = "{0} customers, margin {1} -> {2}")
    @CsvSource({
            "MANY,   0.05, ''",
            "MANY,   0.15, FEEDBACK_CHANNEL",
            "MEDIUM, 0.05, FEEDBACK_CHANNEL",
            "MEDIUM, 0.15, POST_SALE_CALLBACK",
            "FEW,    0.15, NEW_PRODUCT_BRIEFING",
            "MEDIUM, 0.50, NEW_PRODUCT_BRIEFING",
            "FEW,    0.50, JOINT_PLANNING"})
    void relationshipTypeBringsItsOneActionLastAndBasicBringsNone(SegmentSize segment, String margin, String expected) {
        Advice advice = decide(customer().segmentSize(segment).profitMargin(d(margin)));
        List<String> stageActions = List.of("NEEDS_ANALYSIS", "PRODUCT_DEMO_TRAINING", "BUILD_TRUST",
                "UPSELL_CROSS_SELL", "SATISFACTION_SURVEY");
        List<String> relationship = codes(advice).subList(stageActions.size(), advice.actions().size());
        assertEquals(stageActions, codes(advice).subList(0, stageActions.size()));
        assertEquals(expected.isEmpty() ? List.of() : List.of(expected), relationship);
    }

    @Test
    void basicRelationshipBringsNoRelationshipAction() {
        Advice advice = decide(customer().segmentSize(SegmentSize.MANY).profitMargin(d("0")));
        assertEquals(RelationshipType.BASIC, advice.relationshipType());
        assertFalse(advice.actions().stream().flatMap(a -> a.reasons().stream()).anyMatch(r -> r.matches("NBA-1[1-4]0 .*")));
    }

    @Test
    void everyActionCarriesItsDomainLabelAndFullRuleNames() {
        Advice advice = decide(customer().purchaseShare(d("0.1")).openComplaints(1).paymentOnTimeRate(d("0.1")),
                CooperationStage.STRATEGIC, "0.9");
        for (var a : advice.actions()) {
            assertEquals(DomainContract.ACTION_LABELS.get(a.code()), a.label(), a.code());
            a.reasons().forEach(r -> assertEquals(true, r.matches("NBA-0\\d\\d .+|NBA-1[0-4]0 .+"), r));
        }
        assertEquals("NBA-010 abrupt regression -> win the customer back (urgent)",
                action(advice, "WIN_BACK").reasons().get(0));
    }
}
