package io.guanxi.facts;

import java.util.List;

/** One next best action of an advice: its rank (1 = do first) and the full names of the rules behind it. */
public record RecommendedAction(String code, String label, int priority, List<String> reasons) {
}
