package io.guanxi.rules;

import static io.guanxi.rules.DefaultRules.customer;
import static io.guanxi.rules.DefaultRules.d;
import static io.guanxi.rules.DefaultRules.decide;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.guanxi.facts.Advice;
import io.guanxi.facts.CooperationStage;
import io.guanxi.facts.RelationshipType;
import io.guanxi.facts.SegmentSize;
import io.guanxi.facts.Tier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** CRM-DOMAIN §4: Kotler's matrix, the margin bands, and the two overrides that only ever raise the type. */
class RelationshipTypeRulesTest {

    @ParameterizedTest(name = "{0} customers, margin {1} -> {2}")
    @CsvSource({
            "MANY,   0.05, BASIC",
            "MANY,   0.15, REACTIVE",
            "MANY,   0.50, ACCOUNTABLE",
            "MEDIUM, 0.05, REACTIVE",
            "MEDIUM, 0.15, ACCOUNTABLE",
            "MEDIUM, 0.50, PROACTIVE",
            "FEW,    0.05, ACCOUNTABLE",
            "FEW,    0.15, PROACTIVE",
            "FEW,    0.50, PARTNERSHIP"})
    void kotlerMatrixGivesTheTypeBySegmentSizeAndMargin(SegmentSize segment, String margin, RelationshipType expected) {
        assertEquals(expected, decide(customer().segmentSize(segment).profitMargin(d(margin))).relationshipType());
    }

    @ParameterizedTest(name = "margin {0} -> {1}")
    @CsvSource({
            "-1,     REACTIVE",
            "0,      REACTIVE",
            "0.0999, REACTIVE",
            "0.09999999999999999999, REACTIVE",
            "0.10,   ACCOUNTABLE",
            "0.1,    ACCOUNTABLE",
            "0.2999, ACCOUNTABLE",
            "0.29999999999999999999, ACCOUNTABLE",
            "0.30,   PROACTIVE",
            "0.3,    PROACTIVE",
            "1,      PROACTIVE"})
    void marginBandsIncludeTheirLowerBound(String margin, RelationshipType expected) {
        // MEDIUM segment: LOW -> REACTIVE, MEDIUM -> ACCOUNTABLE, HIGH -> PROACTIVE.
        assertEquals(expected, decide(customer().profitMargin(d(margin))).relationshipType());
    }

    @ParameterizedTest(name = "strategic tier, {0} customers, margin {1} -> {2}")
    @CsvSource({
            "MANY,   0.05, PROACTIVE",
            "MANY,   0.15, PROACTIVE",
            "MANY,   0.50, PROACTIVE",
            "MEDIUM, 0.05, PROACTIVE",
            "MEDIUM, 0.15, PROACTIVE",
            "FEW,    0.05, PROACTIVE",
            "FEW,    0.15, PROACTIVE",
            "FEW,    0.50, PARTNERSHIP"})
    void strategicTierGetsAtLeastProactive(SegmentSize segment, String margin, RelationshipType expected) {
        // STABLE share keeps the cooperation override out of the way.
        Advice advice = decide(customer().annualRevenue(d("5000000")).purchaseShare(d("0.6"))
                .segmentSize(segment).profitMargin(d(margin)));
        assertEquals(Tier.STRATEGIC, advice.tier());
        assertEquals(expected, advice.relationshipType());
    }

    @Test
    void strategicIndustryTierAlsoGetsAtLeastProactive() {
        Advice advice = decide(customer().annualRevenue(d("2000000")).strategicIndustry(true)
                .segmentSize(SegmentSize.MANY).profitMargin(d("0.05")));
        assertEquals(Tier.STRATEGIC, advice.tier());
        assertEquals(RelationshipType.PROACTIVE, advice.relationshipType());
        assertEquals("主动型", advice.relationshipType().label());
    }

    @ParameterizedTest(name = "margin {0}, on-time {1} -> {2}")
    @CsvSource(value = {
            "0,    NULL, BASIC",
            "-0.2, NULL, BASIC",
            "0.15, 0.5,  REACTIVE",
            "0.05, 0.79, BASIC"}, nullValues = "NULL")
    void cappedCustomerDoesNotGetTheStrategicTierOverride(String margin, String rate, RelationshipType expected) {
        Advice advice = decide(customer().annualRevenue(d("5000000")).purchaseShare(d("0.6"))
                .segmentSize(SegmentSize.MANY).profitMargin(d(margin)).paymentOnTimeRate(rate == null ? null : d(rate)));
        assertEquals(Tier.KEY, advice.tier());
        assertEquals(expected, advice.relationshipType());
    }

    @ParameterizedTest(name = "{0} customers, share {1}, margin {2} -> {3}")
    @CsvSource({
            "MANY,   0.8,  0.30,   PARTNERSHIP",
            "MEDIUM, 1,    0.9,    PARTNERSHIP",
            "FEW,    0.8,  0.30,   PARTNERSHIP",
            "MANY,   0.8,  0.2999, REACTIVE",
            "MANY,   0.8,  0.05,   BASIC",
            "MEDIUM, 0.8,  0.15,   ACCOUNTABLE",
            "MANY,   0.7999, 0.30, ACCOUNTABLE"})
    void strategicCooperationWithHighMarginIsPartnership(
            SegmentSize segment, String share, String margin, RelationshipType expected) {
        Advice advice = decide(customer().segmentSize(segment).purchaseShare(d(share)).profitMargin(d(margin)));
        assertEquals(Tier.STANDARD, advice.tier());
        assertEquals(expected, advice.relationshipType());
    }

    @Test
    void partnershipOverrideReadsTheDecidedStage() {
        var facts = customer().segmentSize(SegmentSize.MANY).purchaseShare(d("0.9")).profitMargin(d("0.4"));
        assertEquals(RelationshipType.ACCOUNTABLE, decide(facts, CooperationStage.INITIAL, "0.4").relationshipType(),
                "a blocked skip lands on STABLE, not STRATEGIC");
        assertEquals(RelationshipType.PARTNERSHIP, decide(facts, CooperationStage.STABLE, "0.7").relationshipType());
    }

    @Test
    void bothOverridesTogetherGivePartnership() {
        Advice advice = decide(customer().annualRevenue(d("5000000")).purchaseShare(d("0.8"))
                .segmentSize(SegmentSize.MANY).profitMargin(d("0.3")));
        assertEquals(Tier.STRATEGIC, advice.tier());
        assertEquals(RelationshipType.PARTNERSHIP, advice.relationshipType());
    }

    @ParameterizedTest(name = "{0} customers, margin {1} stays {2}")
    @CsvSource({"MEDIUM, 0.50, PROACTIVE", "FEW, 0.15, PROACTIVE", "FEW, 0.50, PARTNERSHIP"})
    void strategicTierOverrideNeverLowersTheMatrixType(SegmentSize segment, String margin, RelationshipType expected) {
        Advice advice = decide(customer().annualRevenue(d("2000000")).strategicIndustry(true)
                .segmentSize(segment).profitMargin(d(margin)));
        assertEquals(Tier.STRATEGIC, advice.tier());
        assertEquals(expected, advice.relationshipType());
    }
}
