package io.guanxi.rules;

import io.guanxi.facts.Coded;
import io.guanxi.facts.Cooperation;
import io.guanxi.facts.Entitlement;
import io.guanxi.facts.Explanation;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Explains each output of one evaluation: which firings inserted the conclusions that carry its
 * value, with the values they read. Intermediate conclusions (indicated stage, the table's tier,
 * margin band, matrix cell) answer no question themselves, so their rules are listed with the
 * output they lead to; a rule that read another output's conclusion cites that output's rule in
 * {@code basedOn}.
 */
final class Explainer {

    private static final Set<Class<?>> INTERMEDIATE =
            Set.of(IndicatedStage.class, RevenueTier.class, Margin.class, MatrixType.class);

    private final List<Object> objects;
    private final FiredRuleRecorder fired;
    private final Map<String, RuleText> texts;
    private final List<Explanation> explanations = new ArrayList<>();
    /** A firing often explains several outputs (a stage and its transition, three actions of one row). */
    private final Map<FiredMatch, Explanation.Reason> reasonByFiring = new IdentityHashMap<>();

    Explainer(List<Object> objects, FiredRuleRecorder fired, Map<String, RuleText> texts) {
        this.objects = objects;
        this.fired = fired;
        this.texts = texts;
    }

    /** Every output in the order of the answer: stage, transition, lifecycle, tier, type, flags, entitlements, actions. */
    List<Explanation> explain(Cooperation cooperation, Coded lifecycle, Coded tier, Coded type, List<String> flags,
                              List<String> entitlements, List<RecommendedAction> actions) {
        add("cooperationStage", "合作阶段", cooperation.getStage(), Cooperation.class::isInstance);
        add("transition", "阶段变化", cooperation.getTransition(), Cooperation.class::isInstance);
        add("lifecycleStage", "生命周期阶段", lifecycle, Lifecycle.class::isInstance);
        add("tier", "大客户等级", tier, KeyAccountTier.class::isInstance);
        add("relationshipType", "关系类型", type, Relationship.class::isInstance);
        flags.forEach(code -> add("flag", "警示", code, BoundValues.codeLabel(code),
                o -> o instanceof Flag f && f.getCode().equals(code)));
        entitlements.forEach(code -> add("entitlement", "三优权益", code, BoundValues.codeLabel(code),
                o -> o instanceof Entitlement e && e.getCode().equals(code)));
        actions.forEach(a -> add("action", "下一步行动", a.code(), a.label(),
                o -> o instanceof ProposedAction p && p.getCode().equals(a.code())));
        return List.copyOf(explanations);
    }

    private void add(String output, String outputLabel, Coded value, Predicate<Object> carriesIt) {
        add(output, outputLabel, value.code(), value.label(), carriesIt);
    }

    private void add(String output, String outputLabel, String code, String label, Predicate<Object> carriesIt) {
        Set<FiredMatch> matches = new LinkedHashSet<>();
        objects.stream().filter(carriesIt).forEach(o -> fired.insertedBy(o).ifPresent(m -> withIntermediates(m, matches)));
        List<Explanation.Reason> reasons = matches.stream()
                .sorted(Comparator.comparingInt(FiredMatch::order))
                .map(m -> reasonByFiring.computeIfAbsent(m, this::reason))
                .toList();
        explanations.add(new Explanation(output, outputLabel, code, label, reasons));
    }

    private void withIntermediates(FiredMatch match, Set<FiredMatch> into) {
        if (into.add(match)) {
            match.matched().stream()
                    .filter(o -> INTERMEDIATE.contains(o.getClass()))
                    .forEach(o -> fired.insertedBy(o).ifPresent(m -> withIntermediates(m, into)));
        }
    }

    private Explanation.Reason reason(FiredMatch match) {
        RuleText text = texts.get(match.rule());
        Set<String> basedOn = new LinkedHashSet<>();
        match.matched().forEach(o -> fired.insertedBy(o).ifPresent(m -> basedOn.add(m.rule())));
        return new Explanation.Reason(match.rule(), text == null ? List.of() : text.conditions(),
                BoundValues.of(match.bindings()), List.copyOf(basedOn),
                text == null ? match.rule() : text.explain(match.bindings()));
    }
}
