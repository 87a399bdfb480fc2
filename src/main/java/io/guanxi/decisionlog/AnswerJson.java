package io.guanxi.decisionlog;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.guanxi.decisionlog.chain.DecisionRecord;
import io.guanxi.facts.ExplanationTrace;
import io.guanxi.platform.UtcMillis;
import io.guanxi.rules.explain.TraceRenderer;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The answer of {@code POST /v1/advice} rendered from a record that stores facts, field for field as
 * the answer was serialised: codes from the record's columns and the trace's outputs, labels and
 * rule names from the rule-set version, each action's priority its rank.
 */
final class AnswerJson {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private AnswerJson() {
    }

    static String write(DecisionRecord r, DecisionFacts facts, List<String> firedRules, TraceRenderer renderer) {
        StringWriter out = new StringWriter(2048);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("decisionId", r.decisionId());
            g.writeStringField("customerId", r.customerId());
            g.writeStringField("rulesetVersion", r.rulesetVersion());
            coded(g, renderer, "cooperationStage", "cooperationStage", r.cooperationStage());
            coded(g, renderer, "previousCooperationStage", "cooperationStage", r.previousStage());
            g.writeStringField("transition", r.transition());
            coded(g, renderer, "lifecycleStage", "lifecycleStage", r.lifecycleStage());
            coded(g, renderer, "tier", "tier", r.tier());
            coded(g, renderer, "relationshipType", "relationshipType", r.relationshipType());
            ExplanationJson.strings(g, "flags", codes(facts.trace(), "flag"));
            ExplanationJson.strings(g, "entitlements", codes(facts.trace(), "entitlement"));
            actions(g, facts, renderer);
            ExplanationJson.strings(g, "firedRules", firedRules);
            g.writeStringField("decidedAt", UtcMillis.format(r.decidedAt()));
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void coded(JsonGenerator g, TraceRenderer renderer, String field, String output, String code)
            throws IOException {
        if (code == null) {
            g.writeNullField(field);
            return;
        }
        g.writeObjectFieldStart(field);
        g.writeStringField("code", code);
        g.writeStringField("label", renderer.label(output, code));
        g.writeEndObject();
    }

    private static void actions(JsonGenerator g, DecisionFacts facts, TraceRenderer renderer) throws IOException {
        List<String> codes = codes(facts.trace(), "action");
        g.writeArrayFieldStart("actions");
        for (int i = 0; i < codes.size(); i++) {
            g.writeStartObject();
            g.writeStringField("code", codes.get(i));
            g.writeStringField("label", renderer.label("action", codes.get(i)));
            g.writeNumberField("priority", i + 1);
            ExplanationJson.strings(g, "reasons", facts.actionRules().get(i).stream().map(renderer::ruleName).toList());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static List<String> codes(ExplanationTrace trace, String output) {
        return trace.outputs().stream().filter(o -> o.output().equals(output)).map(ExplanationTrace.Output::code).toList();
    }
}
