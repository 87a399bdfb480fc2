package io.guanxi.rules.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.base.rule.Declaration;
import org.drools.base.rule.constraint.Constraint;
import org.drools.core.base.FieldNameSupplier;
import org.drools.mvel.MVELConstraint;

/**
 * One pattern of a compiled rule as text, e.g. {@code CustomerFacts($annualRevenue: annualRevenue,
 * annualRevenue >= 5000000)}, and how a firing of it reads: each binding with its value and the
 * constraints on its field ({@code annualRevenue=6000000 >= 5000000}), then the constraints on
 * fields the rule did not bind ({@code StoredRelationship(previousStage == null)}).
 */
final class PatternText {

    /** The exact-decimal suffix the compiler adds to literals ({@code 0.80B}); the analyst wrote {@code 0.80}. */
    private static final Pattern DECIMAL_SUFFIX = Pattern.compile("(\\d)B\\b");

    /** A binding, the field it reads, and how each constraint on that field reads after its value. */
    private record Binding(String id, String name, String field, List<String> constraints) {
    }

    private final String type;
    private final List<Binding> bindings = new ArrayList<>();
    private final List<String> unbound = new ArrayList<>();
    private final String condition;

    PatternText(org.drools.base.rule.Pattern pattern) {
        this.type = pattern.getObjectType().getClassName().replaceFirst("^.*[.$]", "");
        List<String> constraints = pattern.getConstraints().stream().map(PatternText::text).toList();
        List<String> parts = new ArrayList<>();
        for (Declaration d : pattern.getDeclarations().values()) {
            String field = fieldOf(d);
            parts.add(d.getIdentifier() + (field == null ? "" : ": " + field));
            bindings.add(new Binding(d.getIdentifier(), d.getIdentifier().replaceFirst("^\\$", ""), field,
                    field == null ? List.of() : constraints.stream().filter(c -> reads(c, field))
                            .map(c -> afterValue(c, field)).toList()));
        }
        for (String c : constraints) {
            parts.add(c);
            if (bindings.stream().noneMatch(b -> b.field() != null && reads(c, b.field()))) {
                unbound.add(c);
            }
        }
        this.condition = type + "(" + String.join(", ", parts) + ")";
    }

    String condition() {
        return condition;
    }

    List<String> explain(Map<String, Object> values) {
        List<String> items = new ArrayList<>();
        for (Binding b : bindings) {
            if (values.containsKey(b.id())) {
                items.add(b.name() + "=" + Labels.format(values.get(b.id())) + String.join(" and", b.constraints()));
            }
        }
        if (!unbound.isEmpty() || items.isEmpty()) {
            items.add(type + "(" + String.join(", ", unbound) + ")");
        }
        return items;
    }

    private static String text(Constraint constraint) {
        String text = constraint instanceof MVELConstraint mvel ? mvel.getExpression() : constraint.toString();
        return DECIMAL_SUFFIX.matcher(text).replaceAll("$1");
    }

    /** Reads the field directly, not as {@code $x.field} or {@code other.field}. */
    private static boolean reads(String constraint, String field) {
        return Pattern.compile("(?<![\\w.$])" + Pattern.quote(field) + "\\b").matcher(constraint).find();
    }

    /** {@code annualRevenue >= 5000000} → {@code " >= 5000000"}; anything else → {@code " (constraint)"}. */
    private static String afterValue(String constraint, String field) {
        Matcher m = Pattern.compile("^" + Pattern.quote(field) + "\\s*(==|!=|>=|<=|>|<)\\s*([^|&()]+)$")
                .matcher(constraint.strip());
        return m.matches() ? " " + m.group(1) + " " + m.group(2).strip() : " (" + constraint + ")";
    }

    private static String fieldOf(Declaration declaration) {
        return declaration.getExtractor() instanceof FieldNameSupplier f ? f.getFieldName() : null;
    }
}
