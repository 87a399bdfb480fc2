package io.guanxi.decisionlog;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.guanxi.facts.Explanation;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The stored form of a decision's explanations: a JSON array, one object per output with its code,
 * Chinese label and the rules that set it (full name, conditions, values read, basedOn, one-line text).
 */
public final class ExplanationJson {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private ExplanationJson() {
    }

    public static String write(List<Explanation> explanations) {
        StringWriter out = new StringWriter(4096);
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
        strings(g, "conditions", r.conditions());
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
        strings(g, "basedOn", r.basedOn());
        g.writeEndObject();
    }

    private static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }
}
