package io.guanxi.rules.completeness;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The threshold literals the rule files compare each fact with, as they are now, and the values on
 * both sides of each: {@code share < 0.50} gives 0.4999 and 0.50, {@code trend <= -0.20} gives
 * -0.20 and -0.1999. An analyst's new threshold is therefore in the grid without touching Java.
 */
final class GridThresholds {

    /** The share's fall since the previous decision, as {@code ShareChange.drop} names it. */
    static final String DROP = "drop";
    private static final Pattern COMPARISON = Pattern.compile(
            "\\b([A-Za-z_]\\w*)\\s*(<=|>=|==|!=|<|>)\\s*(-?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?)B?(?![\\w.])");

    private final Map<String, List<Comparison>> comparisons = new HashMap<>();

    /** One {@code field operator literal} found in a condition. */
    private record Comparison(String operator, BigDecimal threshold) {
    }

    private GridThresholds() {
    }

    /** The comparisons in the given conditions (comments and strings already blanked). */
    static GridThresholds of(List<String> conditions) {
        GridThresholds thresholds = new GridThresholds();
        for (String condition : conditions) {
            Matcher m = COMPARISON.matcher(condition);
            while (m.find()) {
                thresholds.add(m.group(1), m.group(2), new BigDecimal(m.group(3)));
            }
        }
        return thresholds;
    }

    /** The values on both sides of every threshold of the field, within its range; empty when none. */
    List<BigDecimal> sidesOf(GridField field) {
        return values(field.fieldName(), field.isInteger()).stream().filter(field::inRange).toList();
    }

    /** The drops on both sides of every threshold on the share's fall. */
    List<BigDecimal> dropSides() {
        return values(DROP, false);
    }

    private List<BigDecimal> values(String name, boolean integer) {
        TreeSet<BigDecimal> values = new TreeSet<>();
        for (Comparison c : comparisons.getOrDefault(name, List.of())) {
            BigDecimal t = c.threshold();
            if (integer && t.stripTrailingZeros().scale() > 0) {
                values.add(t.setScale(0, RoundingMode.FLOOR));
                values.add(t.setScale(0, RoundingMode.CEILING));
                continue;
            }
            BigDecimal step = integer ? BigDecimal.ONE : BigDecimal.ONE.movePointLeft(Math.max(t.scale(), 2) + 2);
            values.add(t);
            if (!c.operator().equals("<=") && !c.operator().equals(">")) {
                values.add(t.subtract(step));
            }
            if (!c.operator().equals("<") && !c.operator().equals(">=")) {
                values.add(t.add(step));
            }
        }
        return new ArrayList<>(values);
    }

    private void add(String name, String operator, BigDecimal threshold) {
        comparisons.computeIfAbsent(name, n -> new ArrayList<>()).add(new Comparison(operator, threshold));
    }
}
