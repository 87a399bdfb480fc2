package io.guanxi.rules.engine;

import java.util.List;
import java.util.Map;

/**
 * One firing of one rule: its place in firing order, the rule's name, the values its bindings held ({@code $annualRevenue} →
 * 6000000, in binding order) and the facts it matched.
 */
record FiredMatch(int order, String rule, Map<String, Object> bindings, List<Object> matched) {
}
