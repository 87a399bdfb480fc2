package io.guanxi.rules;

import static io.guanxi.rules.DefaultRules.customer;
import static io.guanxi.rules.DefaultRules.d;

import io.guanxi.facts.Advice;
import io.guanxi.facts.CooperationStage;
import io.guanxi.facts.CustomerFacts;
import io.guanxi.facts.SegmentSize;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Varied customers for whole-rule-set properties: every share band against every stored stage,
 * segment and margin band, the other facts drawn (with a fixed seed) from values at and beside the
 * contract's thresholds.
 */
final class CustomerGrid {

    private static final String[] SHARES = {"0", "0.0001", "0.2", "0.4999", "0.5", "0.79", "0.8", "1"};
    private static final String[] MARGINS = {"-0.1", "0", "0.0001", "0.0999", "0.1", "0.2999", "0.3"};
    private static final String[] REVENUES = {"0", "999999.99", "1000000", "1999999.99", "2000000", "4999999.99", "5000000"};
    private static final String[] TRENDS = {"-0.5", "-0.2", "-0.1999", "-0.0501", "-0.05", "0.1", "0.2999", "0.3"};
    private static final String[] RATES = {null, "0.5", "0.7999", "0.8", "1"};
    private static final String[] SATISFACTION = {null, "1", "2.4999", "2.5", "3.9999", "4", "5"};
    private static final String[] STORED_SHARES = {"0", "0.1", "0.3", "0.5", "0.6", "0.6001", "0.9", "1"};

    /** One customer and what the service stored for it (nothing, for a new customer). */
    record Case(String name, CustomerFacts facts, CooperationStage stored, String storedShare) {

        Advice decide() {
            return DefaultRules.ruleSet().evaluate(facts, new io.guanxi.facts.StoredRelationship(stored,
                    storedShare == null ? null : d(storedShare)));
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private CustomerGrid() {
    }

    static Stream<Case> cases() {
        Random random = new Random(20261123L);
        List<Case> cases = new ArrayList<>();
        List<CooperationStage> storedStages = new ArrayList<>(List.of(CooperationStage.values()));
        storedStages.add(null);
        for (String share : SHARES) {
            for (CooperationStage stored : storedStages) {
                for (SegmentSize segment : SegmentSize.values()) {
                    for (String margin : MARGINS) {
                        cases.add(draw(random, share, stored, segment, margin));
                    }
                }
            }
        }
        return cases.stream();
    }

    private static Case draw(Random random, String share, CooperationStage stored, SegmentSize segment, String margin) {
        String revenue = pick(random, REVENUES);
        String trend = pick(random, TRENDS);
        String rate = pick(random, RATES);
        String satisfaction = pick(random, SATISFACTION);
        String storedShare = stored == null || random.nextInt(8) == 0 ? null : pick(random, STORED_SHARES);
        int complaints = random.nextInt(5);
        int tenure = 3 + random.nextInt(6);
        int orders = 1 + random.nextInt(4);
        boolean industry = random.nextBoolean();
        CustomerFacts facts = customer().purchaseShare(d(share)).segmentSize(segment).profitMargin(d(margin))
                .annualRevenue(d(revenue)).revenueTrend(d(trend)).openComplaints(complaints)
                .tenureMonths(tenure).orderCount12m(orders).strategicIndustry(industry)
                .paymentOnTimeRate(rate == null ? null : d(rate))
                .satisfaction(satisfaction == null ? null : d(satisfaction))
                .build();
        String name = String.format("share=%s stored=%s/%s %s margin=%s revenue=%s trend=%s rate=%s "
                        + "satisfaction=%s complaints=%d tenure=%d orders=%d industry=%b",
                share, stored, storedShare, segment, margin, revenue, trend, rate, satisfaction,
                complaints, tenure, orders, industry);
        return new Case(name, facts, stored, storedShare);
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }
}
