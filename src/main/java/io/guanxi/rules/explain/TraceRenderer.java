package io.guanxi.rules.explain;

import io.guanxi.facts.Coded;
import io.guanxi.facts.CooperationStage;
import io.guanxi.facts.Explanation;
import io.guanxi.facts.ExplanationTrace;
import io.guanxi.facts.LifecycleStage;
import io.guanxi.facts.RelationshipType;
import io.guanxi.facts.Tier;
import io.guanxi.facts.Transition;
import io.guanxi.rules.ActionCatalogue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns a stored {@link ExplanationTrace} into the explanation an auditor reads, with the rule set
 * version that made the decision: each rule's full name and conditions as compiled, each value with
 * its Chinese label, and the one-line account of each firing
 * ({@code TIER-010: annualRevenue=6000000 >= 5000000, cooperationStage=STABLE (…)}).
 */
public final class TraceRenderer {

    /** Each output's Chinese name and how its code reads. */
    private record OutputKind(String label, Function<String, String> codeLabel) {
    }

    private final Map<String, RuleText> texts;
    private final Map<String, OutputKind> kinds;

    public TraceRenderer(Map<String, RuleText> texts, ActionCatalogue catalogue) {
        this.texts = texts;
        this.kinds = Map.of(
                "cooperationStage", new OutputKind("合作阶段", code -> enumLabel(CooperationStage.class, code)),
                "transition", new OutputKind("阶段变化", code -> enumLabel(Transition.class, code)),
                "lifecycleStage", new OutputKind("生命周期阶段", code -> enumLabel(LifecycleStage.class, code)),
                "tier", new OutputKind("大客户等级", code -> enumLabel(Tier.class, code)),
                "relationshipType", new OutputKind("关系类型", code -> enumLabel(RelationshipType.class, code)),
                "flag", new OutputKind("警示", Labels::codeLabel),
                "entitlement", new OutputKind("三优权益", Labels::codeLabel),
                "action", new OutputKind("下一步行动", code -> catalogue.label(code).orElse(code)));
    }

    /** A rule's full name in this rule set, by its stable id; the id itself for a rule the set does not have. */
    public String ruleName(String id) {
        RuleText text = texts.get(id);
        return text == null ? id : text.name();
    }

    /** The Chinese label of an output's code ({@code tier}, {@code action}, …); the code itself when it has none. */
    public String label(String output, String code) {
        OutputKind kind = kinds.get(output);
        return kind == null ? code : kind.codeLabel().apply(code);
    }

    public List<Explanation> render(ExplanationTrace trace) {
        List<Explanation.Reason> reasons = trace.firings().stream().map(f -> reason(f, trace)).toList();
        List<Explanation> explanations = new ArrayList<>();
        for (ExplanationTrace.Output o : trace.outputs()) {
            OutputKind kind = kinds.getOrDefault(o.output(), new OutputKind(o.output(), Function.identity()));
            explanations.add(new Explanation(o.output(), kind.label(), o.code(), kind.codeLabel().apply(o.code()),
                    o.firings().stream().map(reasons::get).toList()));
        }
        return explanations;
    }

    private Explanation.Reason reason(ExplanationTrace.Firing firing, ExplanationTrace trace) {
        Optional<RuleText> text = Optional.ofNullable(texts.get(firing.rule()));
        List<Explanation.Value> values = new ArrayList<>();
        Map<String, Object> bindings = new LinkedHashMap<>(firing.values());
        firing.values().forEach((binding, value) -> {
            String name = binding.replaceFirst("^\\$", "");
            values.add(new Explanation.Value(name, Labels.label(name), value,
                    valueLabel(text.map(t -> t.bindingType(binding)).orElse(null), value)));
        });
        List<String> basedOn = firing.basedOn().stream()
                .map(i -> trace.firings().get(i).rule())
                .map(this::ruleName)
                .toList();
        return new Explanation.Reason(text.map(RuleText::name).orElse(firing.rule()),
                text.map(RuleText::conditions).orElse(List.of()), values, basedOn,
                text.map(t -> t.explain(bindings)).orElse(firing.rule()));
    }

    /** A code's label when the binding holds a coded value (or a flag or entitlement code); otherwise none. */
    private static String valueLabel(Class<?> type, String value) {
        if (type != null && type.isEnum() && Coded.class.isAssignableFrom(type)) {
            return Arrays.stream(type.getEnumConstants()).map(Coded.class::cast)
                    .filter(c -> c.code().equals(value)).map(Coded::label).findFirst().orElse(null);
        }
        return type == String.class ? Labels.codeLabelOrNull(value) : null;
    }

    private static <E extends Enum<E> & Coded> String enumLabel(Class<E> type, String code) {
        return Arrays.stream(type.getEnumConstants()).filter(c -> c.code().equals(code)).map(Coded::label)
                .findFirst().orElse(code);
    }
}
