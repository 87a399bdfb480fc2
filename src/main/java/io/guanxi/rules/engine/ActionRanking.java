package io.guanxi.rules.engine;

import io.guanxi.facts.ProposedAction;
import io.guanxi.facts.RecommendedAction;
import io.guanxi.rules.ActionCatalogue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ranks proposed actions: by class (urgent first), then by the proposing row's position, then by
 * the order within the row. An action proposed by several rows appears once, at its most urgent
 * row, with the reasons of all of them.
 */
final class ActionRanking {

    private static final Comparator<ProposedAction> URGENCY = Comparator
            .comparingInt(ProposedAction::getActionClass)
            .thenComparingInt(ProposedAction::getPosition)
            .thenComparingInt(ProposedAction::getOrder);

    private ActionRanking() {
    }

    static List<RecommendedAction> rank(List<ProposedAction> proposals, ActionCatalogue catalogue) {
        List<ProposedAction> sorted = new ArrayList<>(proposals);
        sorted.sort(URGENCY);
        Map<String, Set<String>> reasonsByCode = new LinkedHashMap<>();
        for (ProposedAction p : sorted) {
            reasonsByCode.computeIfAbsent(p.getCode(), c -> new LinkedHashSet<>()).add(p.getRule());
        }
        List<RecommendedAction> ranked = new ArrayList<>();
        reasonsByCode.forEach((code, reasons) -> {
            String label = catalogue.label(code).orElseThrow(() -> new RuleEvaluationException(
                    "rule " + reasons.iterator().next() + " proposed action " + code + ", which is not in "
                            + ActionCatalogue.FILE_NAME));
            ranked.add(new RecommendedAction(code, label, ranked.size() + 1, List.copyOf(reasons)));
        });
        return ranked;
    }
}
