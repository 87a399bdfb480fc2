package io.guanxi.rules.completeness;

import io.guanxi.facts.CooperationStage;
import io.guanxi.facts.CustomerFacts;
import io.guanxi.facts.StoredRelationship;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The combinations of boundary values for one question: the cross product of the values of each
 * fact it reads, every other fact at its baseline.
 */
final class GridPoints {

    /** One combination: the facts, the stored state, and how to name it in a report. */
    record Point(CustomerFacts facts, StoredRelationship stored, String description) {
    }

    private GridPoints() {
    }

    static List<Point> of(List<GridField> reads, GridThresholds thresholds) {
        List<Map<GridField, Object>> combinations = new ArrayList<>();
        combinations.add(new EnumMap<>(GridField.class));
        for (GridField field : reads) {
            List<Map<GridField, Object>> next = new ArrayList<>();
            for (Map<GridField, Object> partial : combinations) {
                for (Object value : values(field, partial, thresholds)) {
                    Map<GridField, Object> extended = new EnumMap<>(partial);
                    extended.put(field, value);
                    next.add(extended);
                }
            }
            combinations = next;
        }
        return combinations.stream().map(c -> point(reads, c)).toList();
    }

    private static List<Object> values(GridField field, Map<GridField, Object> partial, GridThresholds thresholds) {
        if (field == GridField.PREVIOUS_SHARE) {
            return previousShares(partial, thresholds);
        }
        if (field.closedValues() != null) {
            return field.closedValues();
        }
        Set<Object> values = new LinkedHashSet<>(thresholds.sidesOf(field));
        if (field.optional()) {
            values.add(null);
        }
        if (values.isEmpty()) {
            values.add(field.baseline());
        }
        return new ArrayList<>(values);
    }

    /** None, or the share plus each side of each threshold on the drop; only with a stored stage. */
    private static List<Object> previousShares(Map<GridField, Object> partial, GridThresholds thresholds) {
        List<Object> shares = new ArrayList<>();
        shares.add(null);
        if (partial.get(GridField.PREVIOUS_STAGE) != null) {
            BigDecimal share = (BigDecimal) partial.getOrDefault(GridField.PURCHASE_SHARE, GridField.PURCHASE_SHARE.baseline());
            thresholds.dropSides().stream().map(share::add).filter(GridField.PREVIOUS_SHARE::inRange).forEach(shares::add);
        }
        return shares;
    }

    private static Point point(List<GridField> reads, Map<GridField, Object> values) {
        CustomerFacts.Builder builder = CustomerFacts.builder().customerId("GRID");
        for (GridField field : GridField.values()) {
            field.set(builder, values.containsKey(field) ? values.get(field) : field.baseline());
        }
        StoredRelationship stored = new StoredRelationship((CooperationStage) values.get(GridField.PREVIOUS_STAGE),
                (BigDecimal) values.get(GridField.PREVIOUS_SHARE));
        StringJoiner description = new StringJoiner(", ");
        reads.forEach(f -> description.add(f.fieldName() + "=" + text(values.get(f))));
        return new Point(builder.build(), stored, description.toString());
    }

    private static String text(Object value) {
        if (value == null) {
            return "none";
        }
        return value instanceof BigDecimal number ? number.toPlainString() : value.toString();
    }
}
