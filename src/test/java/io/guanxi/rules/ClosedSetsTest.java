package io.guanxi.rules;

import static io.guanxi.rules.DefaultRules.customer;
import static io.guanxi.rules.DefaultRules.d;
import static io.guanxi.rules.DefaultRules.decide;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guanxi.facts.Advice;
import io.guanxi.facts.CooperationStage;
import io.guanxi.facts.RecommendedAction;
import io.guanxi.facts.SegmentSize;
import io.guanxi.facts.Transition;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * CRM-DOMAIN §5 "closed sets": over a grid of varied customers, the rules produce only the contract's
 * flags, entitlements and actions, and always a well-formed ranking.
 */
class ClosedSetsTest {

    private static final String[] SHARES = {"0", "0.2", "0.5", "0.79", "0.8", "1"};
    private static final String[] MARGINS = {"-0.1", "0", "0.05", "0.2", "0.3"};
    private static final String[] REVENUES = {"0", "999999.99", "1000000", "2000000", "5000000"};
    private static final String[] TRENDS = {"-0.5", "-0.2", "-0.05", "0.1", "0.3"};
    private static final String[] RATES = {null, "0.5", "0.8", "1"};
    private static final String[] SATISFACTION = {null, "1", "2.5", "4", "5"};

    record Case(String name, io.guanxi.facts.CustomerFacts.Builder facts, CooperationStage stored, String storedShare) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> grid() {
        Random random = new Random(20261123L);
        List<Case> cases = new ArrayList<>();
        List<CooperationStage> storedStages = new ArrayList<>(List.of(CooperationStage.values()));
        storedStages.add(null);
        for (String share : SHARES) {
            for (CooperationStage stored : storedStages) {
                for (SegmentSize segment : SegmentSize.values()) {
                    for (String margin : MARGINS) {
                        String revenue = pick(random, REVENUES);
                        String trend = pick(random, TRENDS);
                        String rate = pick(random, RATES);
                        String satisfaction = pick(random, SATISFACTION);
                        String storedShare = stored == null ? null : pick(random, SHARES);
                        int complaints = random.nextInt(5);
                        int tenure = random.nextInt(12);
                        int orders = random.nextInt(6);
                        boolean industry = random.nextBoolean();
                        var facts = customer().purchaseShare(d(share)).segmentSize(segment).profitMargin(d(margin))
                                .annualRevenue(d(revenue)).revenueTrend(d(trend)).openComplaints(complaints)
                                .tenureMonths(tenure).orderCount12m(orders).strategicIndustry(industry)
                                .paymentOnTimeRate(rate == null ? null : d(rate))
                                .satisfaction(satisfaction == null ? null : d(satisfaction));
                        String name = String.format("share=%s stored=%s/%s %s margin=%s revenue=%s trend=%s rate=%s "
                                        + "satisfaction=%s complaints=%d tenure=%d orders=%d industry=%b",
                                share, stored, storedShare, segment, margin, revenue, trend, rate, satisfaction,
                                complaints, tenure, orders, industry);
                        cases.add(new Case(name, facts, stored, storedShare));
                    }
                }
            }
        }
        return cases.stream();
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("grid")
    void adviceStaysWithinTheContractsClosedSets(Case c) {
        Advice advice = c.stored() == null ? decide(c.facts()) : decide(c.facts(), c.stored(), c.storedShare());

        assertTrue(DomainContract.FLAGS.containsAll(advice.flags()), "flags " + advice.flags());
        assertTrue(DomainContract.ENTITLEMENTS.containsAll(advice.entitlements()), "entitlements " + advice.entitlements());
        assertEquals(c.stored() == null, advice.transition() == Transition.NEW);
        assertEquals(c.stored(), advice.previousCooperationStage());
        assertWellRanked(advice.actions());
    }

    /** Priorities 1..n; each code once, in the contract, labelled; ordered by class, then by row. */
    private static void assertWellRanked(List<RecommendedAction> actions) {
        var seen = new HashSet<String>();
        String previousRow = "NBA-000";
        int previousClass = 1;
        for (int i = 0; i < actions.size(); i++) {
            RecommendedAction a = actions.get(i);
            assertEquals(i + 1, a.priority(), "priority of " + a.code());
            assertTrue(seen.add(a.code()), "listed twice: " + a.code());
            assertEquals(DomainContract.ACTION_LABELS.get(a.code()), a.label(), "label of " + a.code());
            List<String> rows = a.reasons().stream().map(r -> r.substring(0, r.indexOf(' '))).toList();
            assertTrue(DomainContract.ROW_CLASS.keySet().containsAll(rows), "reasons " + a.reasons());
            assertEquals(rows.stream().sorted().toList(), rows, "reasons by urgency: " + a.code());
            int actionClass = DomainContract.ROW_CLASS.get(rows.get(0));
            assertTrue(actionClass > previousClass || actionClass == previousClass && rows.get(0).compareTo(previousRow) >= 0,
                    a.code() + " at row " + rows.get(0) + " after row " + previousRow);
            previousClass = actionClass;
            previousRow = rows.get(0);
        }
    }

    @Test
    void actionCatalogueHoldsExactlyTheContractsActionsAndLabels() throws Exception {
        Map<String, String> catalogue = new TreeMap<>();
        for (String line : Files.readAllLines(Path.of("rules", ActionCatalogue.FILE_NAME), StandardCharsets.UTF_8)) {
            if (!line.isBlank() && !line.startsWith("#") && !line.equals("code,label")) {
                String[] cells = line.split(",", -1);
                catalogue.put(cells[0].strip(), cells[1].strip());
            }
        }
        assertEquals(new TreeMap<>(DomainContract.ACTION_LABELS), catalogue);
    }
}
