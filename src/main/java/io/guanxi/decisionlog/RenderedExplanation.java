package io.guanxi.decisionlog;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.guanxi.facts.Explanation;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * A decision's explanation as the explanation endpoint and exports give it: an array with one object
 * per output, its code, Chinese label and the rules that set it (full name, conditions, values read
 * with labels, basedOn, one-line text), rendered with the rule-set version that decided.
 */
final class RenderedExplanation {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private RenderedExplanation() {
    }

    /** The rendered form, an array with one entry per output. */
    static String write(List<Explanation> explanations) {
        StringWriter out = new StringWriter(8192);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartArray();
            for (Explanation e : explanations) {
                g.writeStartObject();
                g.writeStringField("output", e.output());
                g.writeStringField("outputLabel", e.outputLabel());
                g.writeStringField("code", e.code());
                g.writeStringField("label", e.label());
                g.writeArrayFieldStart("rules");
                for (Explanation.Reason r : e.rules()) {
                    reason(g, r);
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void reason(JsonGenerator g, Explanation.Reason r) throws IOException {
        g.writeStartObject();
        g.writeStringField("rule", r.rule());
        g.writeStringField("text", r.text());
        ExplanationJson.strings(g, "conditions", r.conditions());
        g.writeArrayFieldStart("values");
        for (Explanation.Value v : r.values()) {
            g.writeStartObject();
            g.writeStringField("name", v.name());
            g.writeStringField("label", v.label());
            g.writeStringField("value", v.value());
            g.writeStringField("valueLabel", v.valueLabel());
            g.writeEndObject();
        }
        g.writeEndArray();
        ExplanationJson.strings(g, "basedOn", r.basedOn());
        g.writeEndObject();
    }
}
