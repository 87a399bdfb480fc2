package io.guanxi.facts;

import java.util.List;

/**
 * Why one output of a decision has its value: the output (cooperation stage, tier, one flag, one
 * action, …) with its code and Chinese label, and every rule that set it, each with the fact values
 * it read. Rules behind intermediate conclusions (the indicated stage, the table's tier, the margin
 * band, the matrix cell) are listed with the output they lead to.
 *
 * @param output      what was decided, as named in the answer: {@code tier}, {@code flag}, {@code action}, …
 * @param outputLabel its Chinese name
 */
public record Explanation(String output, String outputLabel, String code, String label, List<Reason> rules) {

    /**
     * One fired rule: its full name, its conditions as compiled from the rule file, the values its
     * bindings read in this decision, the rules whose conclusions it read, and all of that on one line.
     */
    public record Reason(String rule, List<String> conditions, List<Value> values, List<String> basedOn, String text) {
    }

    /** One value a rule read: the binding's name (without {@code $}) and Chinese label, the value and its label. */
    public record Value(String name, String label, String value, String valueLabel) {
    }
}
