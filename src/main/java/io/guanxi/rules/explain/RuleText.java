package io.guanxi.rules.explain;

import io.guanxi.rules.RuleId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.GroupElement;
import org.drools.base.rule.RuleConditionElement;
import org.kie.api.KieBase;
import org.kie.api.definition.rule.Rule;

/**
 * A rule's conditions as text, read from the compiled rule (so a threshold lives only in the rule
 * file, and a rule from a decision table reads the same), and the one-line account of a firing:
 * {@code TIER-010: cooperationStage=STABLE (stage == …), annualRevenue=6000000 >= 5000000}.
 */
public final class RuleText {

    private final String id;
    private final String name;
    /** The type each binding holds ({@code $cooperationStage} → CooperationStage), to label a stored value. */
    private final Map<String, Class<?>> bindingTypes = new HashMap<>();
    private final RuleConditionElement lhs;
    private final Map<org.drools.base.rule.Pattern, PatternText> patterns = new IdentityHashMap<>();
    private final List<String> conditions;

    private RuleText(RuleImpl rule) {
        this.name = rule.getName();
        this.id = RuleId.ofRuleName(name).toString();
        this.lhs = rule.getLhs();
        collect(lhs, patterns);
        patterns.keySet().forEach(p -> p.getDeclarations().forEach((binding, d) ->
                bindingTypes.put(binding, d.getDeclarationClass())));
        this.conditions = List.copyOf(render(lhs, null));
    }

    /** The text of every rule of a compiled rule set, by stable id (the first word of its name). */
    public static Map<String, RuleText> of(KieBase kieBase) {
        Map<String, RuleText> texts = new HashMap<>();
        kieBase.getKiePackages().forEach(p -> {
            for (Rule rule : p.getRules()) {
                RuleText text = new RuleText((RuleImpl) rule);
                RuleText other = texts.putIfAbsent(text.id, text);
                if (other != null) {
                    // RuleSetCompiler rejects such a rule set with the files and lines of both rules.
                    throw new IllegalStateException("rule id " + text.id + " names two rules: \"" + other.name
                            + "\" and \"" + text.name + "\"");
                }
            }
        });
        return Map.copyOf(texts);
    }

    String name() {
        return name;
    }

    /** The type a binding of this rule holds, or null for a name the rule does not bind. */
    Class<?> bindingType(String binding) {
        return bindingTypes.get(binding);
    }

    /** The conditions as compiled, one per pattern: {@code CustomerFacts($annualRevenue: annualRevenue, annualRevenue >= 5000000)}. */
    List<String> conditions() {
        return conditions;
    }

    /** The firing on one line: the rule id, each bound value with the constraints on it, then the other conditions. */
    String explain(Map<String, Object> bindings) {
        return id + ": " + String.join(", ", render(lhs, bindings));
    }

    private List<String> render(RuleConditionElement element, Map<String, Object> bindings) {
        if (element instanceof org.drools.base.rule.Pattern pattern) {
            return bindings == null ? List.of(patterns.get(pattern).condition()) : patterns.get(pattern).explain(bindings);
        }
        if (!(element instanceof GroupElement group)) {
            return List.of(element.toString());
        }
        List<String> parts = new ArrayList<>();
        for (RuleConditionElement child : branches(group, bindings)) {
            parts.addAll(render(child, bindings));
        }
        return switch (group.getType()) {
            case AND -> parts;
            case OR -> parts.size() == 1 ? parts : List.of("(" + String.join(" or ", parts) + ")");
            case NOT -> List.of("not " + String.join(", ", parts));
            case EXISTS -> List.of("exists " + String.join(", ", parts));
        };
    }

    /** Of an {@code or}, the branch that matched (the one whose bindings are bound), else every branch. */
    private static List<RuleConditionElement> branches(GroupElement group, Map<String, Object> bindings) {
        if (!group.isOr() || bindings == null) {
            return group.getChildren();
        }
        List<RuleConditionElement> bound = group.getChildren().stream()
                .filter(c -> c.getInnerDeclarations().keySet().stream().anyMatch(bindings::containsKey))
                .toList();
        return bound.isEmpty() ? group.getChildren() : bound;
    }

    /** Precomputes the text of every pattern, so that a firing is explained with string work only. */
    private static void collect(RuleConditionElement element, Map<org.drools.base.rule.Pattern, PatternText> into) {
        if (element instanceof org.drools.base.rule.Pattern pattern) {
            into.put(pattern, new PatternText(pattern));
        } else if (element instanceof GroupElement group) {
            group.getChildren().forEach(c -> collect(c, into));
        }
    }
}
