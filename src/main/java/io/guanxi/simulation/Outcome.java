package io.guanxi.simulation;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.guanxi.decisionlog.ExplanationJson;
import io.guanxi.decisionlog.chain.DecisionRecord;
import io.guanxi.facts.Advice;
import io.guanxi.facts.ExplanationTrace;
import io.guanxi.facts.RecommendedAction;
import io.guanxi.rules.RuleId;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A decision reduced to what a replay compares: the codes of every output and the ids of the rules
 * that fired (each once, in firing order). Labels, rule texts and priorities belong to the rule-set
 * version and are left out; an action's place in {@code actions} is its priority.
 */
@Serdeable
public record Outcome(@Nullable String cooperationStage, String transition, String lifecycleStage, String tier,
               String relationshipType, List<String> flags, List<String> entitlements, List<String> actions,
               List<String> rules) {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    /** The five single-valued outputs, by name, in the order of the answer. */
    static final List<String> OUTPUTS = List.of("cooperationStage", "transition", "lifecycleStage", "tier",
            "relationshipType");

    public static Outcome of(Advice a) {
        return new Outcome(a.cooperationStage().code(), a.transition().code(), a.lifecycleStage().code(),
                a.tier().code(), a.relationshipType().code(), a.flags(), a.entitlements(),
                a.actions().stream().map(RecommendedAction::code).toList(), ruleIds(a.explanation()));
    }

    /** What was logged: from the trace of a record that stores facts, else from the answer it stored. */
    public static Outcome logged(DecisionRecord r) {
        if (r.decisionJson() != null) {
            List<String> flags = new ArrayList<>();
            List<String> entitlements = new ArrayList<>();
            List<String> actions = new ArrayList<>();
            Set<String> rules = new LinkedHashSet<>();
            ExplanationJson.readOutline(r.decisionJson(), new ExplanationJson.OutlineVisitor() {
                @Override
                public void output(String output, String code) {
                    switch (output) {
                        case "flag" -> flags.add(code);
                        case "entitlement" -> entitlements.add(code);
                        case "action" -> actions.add(code);
                        default -> { }
                    }
                }

                @Override
                public void firing(String rule) {
                    rules.add(rule);
                }
            });
            return new Outcome(r.cooperationStage(), r.transition(), r.lifecycleStage(), r.tier(), r.relationshipType(),
                    List.copyOf(flags), List.copyOf(entitlements), List.copyOf(actions), List.copyOf(rules));
        }
        StoredAnswer answer = StoredAnswer.read(r.outputJson());
        List<String> rules = strings(r.firedRules()).stream().map(name -> RuleId.ofRuleName(name).toString())
                .distinct().toList();
        return new Outcome(r.cooperationStage(), r.transition(), r.lifecycleStage(), r.tier(), r.relationshipType(),
                answer.flags(), answer.entitlements(), answer.actions(), rules);
    }

    /** The value of one of {@link #OUTPUTS}. */
    public String output(String name) {
        return switch (name) {
            case "cooperationStage" -> cooperationStage;
            case "transition" -> transition;
            case "lifecycleStage" -> lifecycleStage;
            case "tier" -> tier;
            case "relationshipType" -> relationshipType;
            default -> throw new IllegalArgumentException("no output " + name);
        };
    }

    /** Whether every code is the same (the rules that fired may still differ). */
    boolean sameAnswer(Outcome o) {
        return OUTPUTS.stream().allMatch(n -> java.util.Objects.equals(output(n), o.output(n)))
                && flags.equals(o.flags) && entitlements.equals(o.entitlements) && actions.equals(o.actions);
    }

    private static List<String> ruleIds(ExplanationTrace trace) {
        Set<String> ids = new LinkedHashSet<>();
        trace.firings().forEach(f -> ids.add(f.rule()));
        return List.copyOf(ids);
    }

    static List<String> strings(@Nullable String jsonArray) {
        List<String> values = new ArrayList<>();
        if (jsonArray == null) {
            return values;
        }
        try (JsonParser p = JSON.createParser(jsonArray)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw new IOException("not a JSON array");
            }
            while (p.nextToken() == JsonToken.VALUE_STRING) {
                values.add(p.getText());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("a stored list of rules is not a JSON array of strings", e);
        }
        return values;
    }
}
