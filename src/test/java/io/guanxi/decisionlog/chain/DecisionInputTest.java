package io.guanxi.decisionlog.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.guanxi.facts.CustomerFacts;
import io.guanxi.facts.SegmentSize;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * The canonical input is hashed into the chain of every record: its bytes (field order, number
 * notation, nulls, defaults) are pinned here, so that no change of the facts' description can
 * silently re-encode the facts and break the verification of stored records.
 */
class DecisionInputTest {

    @Test
    void everyFactIsWrittenInTheFixedOrderWithExactPlainDecimals() {
        CustomerFacts facts = CustomerFacts.builder().customerId("ACME-1").purchaseShare(new BigDecimal("0.50"))
                .annualRevenue(new BigDecimal("1e15")).profitMargin(new BigDecimal("-0.000")).revenueTrend(new BigDecimal("-1.250"))
                .orderCount12m(1_000_000).tenureMonths(7).segmentSize(SegmentSize.FEW).satisfaction(new BigDecimal("4.20"))
                .openComplaints(3).paymentOnTimeRate(new BigDecimal("0.9500")).strategicIndustry(true).industry("汽车 \"零部件\"")
                .build();

        assertEquals("{\"customerId\":\"ACME-1\",\"purchaseShare\":0.5,\"annualRevenue\":1000000000000000,"
                + "\"profitMargin\":0,\"revenueTrend\":-1.25,\"orderCount12m\":1000000,\"tenureMonths\":7,"
                + "\"segmentSize\":\"FEW\",\"satisfaction\":4.2,\"openComplaints\":3,\"paymentOnTimeRate\":0.95,"
                + "\"strategicIndustry\":true,\"industry\":\"汽车 \\\"零部件\\\"\"}", DecisionInput.canonicalJson(facts));
    }

    @Test
    void absentOptionalFactsAreWrittenAsTheirDefaultsOrNull() {
        CustomerFacts facts = CustomerFacts.builder().customerId("c").purchaseShare(BigDecimal.ZERO)
                .annualRevenue(new BigDecimal("500000")).profitMargin(new BigDecimal("0.15")).revenueTrend(new BigDecimal("5E-2"))
                .orderCount12m(0).tenureMonths(0).segmentSize(SegmentSize.MANY).build();

        assertEquals("{\"customerId\":\"c\",\"purchaseShare\":0,\"annualRevenue\":500000,\"profitMargin\":0.15,"
                + "\"revenueTrend\":0.05,\"orderCount12m\":0,\"tenureMonths\":0,\"segmentSize\":\"MANY\","
                + "\"satisfaction\":null,\"openComplaints\":0,\"paymentOnTimeRate\":null,\"strategicIndustry\":false,"
                + "\"industry\":null}", DecisionInput.canonicalJson(facts));
    }
}
