package io.guanxi.decisionlog;

import io.guanxi.facts.ExplanationTrace;
import io.micronaut.core.annotation.Nullable;
import java.util.List;

/**
 * What a decision alone knows, as a lean record stores it (column {@code decision_json}): the
 * explanation trace, and for each action of the answer (in rank order, so its priority is its place)
 * the ids of the rules that proposed it, in the order the answer gives their reasons. Everything else
 * the answer shows is either a code column of the record or rendered from the rule-set version.
 *
 * @param actionRules one list of rule ids per action; null for a bare trace (records before V8)
 */
public record DecisionFacts(ExplanationTrace trace, @Nullable List<List<String>> actionRules) {
}
