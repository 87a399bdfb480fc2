package io.guanxi.rules.engine;

import io.guanxi.facts.Coded;
import io.guanxi.facts.Cooperation;
import io.guanxi.facts.Entitlement;
import io.guanxi.facts.ExplanationTrace;
import io.guanxi.facts.Flag;
import io.guanxi.facts.IndicatedStage;
import io.guanxi.facts.KeyAccountTier;
import io.guanxi.facts.Lifecycle;
import io.guanxi.facts.Margin;
import io.guanxi.facts.MatrixType;
import io.guanxi.facts.ProposedAction;
import io.guanxi.facts.RecommendedAction;
import io.guanxi.facts.Relationship;
import io.guanxi.facts.RevenueTier;
import io.guanxi.rules.RuleId;
import io.guanxi.rules.explain.Labels;
import io.guanxi.rules.explain.TraceRenderer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Traces each output of one evaluation: which firings inserted the conclusions that carry its
 * value. Intermediate conclusions (indicated stage, the table's tier, margin band, matrix cell)
 * answer no question themselves, so their firings are listed with the output they lead to. Every
 * firing is kept with the values it read and the firings it built on; the text of the rules is not
 * rendered here but on reading ({@link TraceRenderer}), so an evaluation pays for none of it.
 */
final class Explainer {

    private static final Set<Class<?>> INTERMEDIATE =
            Set.of(IndicatedStage.class, RevenueTier.class, Margin.class, MatrixType.class);

    private final List<Object> objects;
    private final FiredRuleRecorder fired;
    private final Map<String, String> ruleIds;
    private final List<ExplanationTrace.Output> outputs = new ArrayList<>();

    Explainer(List<Object> objects, FiredRuleRecorder fired, Map<String, String> ruleIds) {
        this.objects = objects;
        this.fired = fired;
        this.ruleIds = ruleIds;
    }

    /** Every output in the order of the answer: stage, transition, lifecycle, tier, type, flags, entitlements, actions. */
    ExplanationTrace explain(Cooperation cooperation, Coded lifecycle, Coded tier, Coded type, List<String> flags,
                             List<String> entitlements, List<RecommendedAction> actions) {
        add("cooperationStage", cooperation.getStage().code(), Cooperation.class::isInstance);
        add("transition", cooperation.getTransition().code(), Cooperation.class::isInstance);
        add("lifecycleStage", lifecycle.code(), Lifecycle.class::isInstance);
        add("tier", tier.code(), KeyAccountTier.class::isInstance);
        add("relationshipType", type.code(), Relationship.class::isInstance);
        flags.forEach(code -> add("flag", code, o -> o instanceof Flag f && f.getCode().equals(code)));
        entitlements.forEach(code -> add("entitlement", code, o -> o instanceof Entitlement e && e.getCode().equals(code)));
        actions.forEach(a -> add("action", a.code(), o -> o instanceof ProposedAction p && p.getCode().equals(a.code())));
        List<ExplanationTrace.Firing> firings = fired.matches().stream().map(this::firing).toList();
        return new ExplanationTrace(outputs, firings);
    }

    private void add(String output, String code, Predicate<Object> carriesIt) {
        Set<FiredMatch> matches = new TreeSet<>(Comparator.comparingInt(FiredMatch::order));
        objects.stream().filter(carriesIt).forEach(o -> fired.insertedBy(o).ifPresent(m -> withIntermediates(m, matches)));
        outputs.add(new ExplanationTrace.Output(output, code, matches.stream().map(FiredMatch::order).toList()));
    }

    private void withIntermediates(FiredMatch match, Set<FiredMatch> into) {
        if (into.add(match)) {
            match.matched().stream()
                    .filter(o -> INTERMEDIATE.contains(o.getClass()))
                    .forEach(o -> fired.insertedBy(o).ifPresent(m -> withIntermediates(m, into)));
        }
    }

    private ExplanationTrace.Firing firing(FiredMatch match) {
        Map<String, String> values = new LinkedHashMap<>();
        match.bindings().forEach((id, value) -> values.put(id, Labels.format(value)));
        Set<Integer> basedOn = new TreeSet<>();
        match.matched().forEach(o -> fired.insertedBy(o).ifPresent(m -> basedOn.add(m.order())));
        return new ExplanationTrace.Firing(id(match.rule()), values, List.copyOf(basedOn));
    }

    /** Every rule that can fire is in the rule set's map; the fallback only keeps a lookup from ever being wrong. */
    private String id(String ruleName) {
        String id = ruleIds.get(ruleName);
        return id != null ? id : RuleId.ofRuleName(ruleName).toString();
    }
}
