package io.guanxi.facts;

import java.util.List;
import java.util.Map;

/**
 * What one evaluation keeps to explain itself, and what the decision log stores (and hashes): every
 * firing in firing order, with the stable id of its rule, the values its bindings read and the
 * firings whose conclusions it read; and for each output the firings that set it. Nothing here can
 * be derived from elsewhere: the rules' conditions, their full names and all labels belong to the
 * rule-set version, which is kept for good, and are rendered from it on reading
 * ({@link Explanation}).
 *
 * @param outputs every output in the order of the answer (stage, transition, lifecycle stage, tier,
 *                relationship type, flags, entitlements, actions)
 * @param firings every rule firing of the evaluation, in the order they fired
 */
public record ExplanationTrace(List<Output> outputs, List<Firing> firings) {

    public ExplanationTrace {
        outputs = List.copyOf(outputs);
        firings = List.copyOf(firings);
    }

    /**
     * One output and the firings (their numbers in {@link #firings()}) that set it, including those
     * behind the intermediate conclusions it rests on.
     *
     * @param output what was decided, as named in the answer: {@code tier}, {@code flag}, {@code action}, …
     */
    public record Output(String output, String code, List<Integer> firings) {

        public Output {
            firings = List.copyOf(firings);
        }
    }

    /**
     * One firing: the rule's stable id ({@code TIER-010}), each binding (as declared, {@code $annualRevenue})
     * with the value it held, formatted exactly (decimals in plain notation, codes as codes), in binding
     * order, and the numbers of the firings that inserted the conclusions it matched.
     */
    public record Firing(String rule, Map<String, String> values, List<Integer> basedOn) {

        public Firing {
            // Binding order is part of the record: keep it (Map.copyOf would not).
            values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
            basedOn = List.copyOf(basedOn);
        }
    }
}
