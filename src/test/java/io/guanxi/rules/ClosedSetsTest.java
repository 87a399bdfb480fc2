package io.guanxi.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guanxi.facts.Advice;
import io.guanxi.facts.RecommendedAction;
import io.guanxi.facts.Transition;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * CRM-DOMAIN §5 "closed sets": over a grid of varied customers, the rules produce only the contract's
 * flags, entitlements and actions, and always a well-formed ranking.
 */
class ClosedSetsTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.guanxi.rules.CustomerGrid#cases")
    void adviceStaysWithinTheContractsClosedSets(CustomerGrid.Case c) {
        Advice advice = c.decide();

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
            List<String> rows = a.reasons().stream().map(r -> RuleId.ofRuleName(r).toString()).toList();
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
