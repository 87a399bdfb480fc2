package io.guanxi.decisionlog;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.guanxi.facts.ExplanationTrace;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The stored JSON form of a decision's explanation, covered by the audit chain: the
 * {@link ExplanationTrace}, e.g.
 * {@code {"outputs":[{"output":"tier","code":"STRATEGIC","firings":[3,4]}],
 * "firings":[{"rule":"TIER-010","values":{"$annualRevenue":"6000000"},"basedOn":[1]}, …]}}, in
 * column {@code explanation_json} (records of V4 to V7) or, with each action's proposing rule ids
 * as {@code "actions":[["NBA-090"], …]}, in {@code decision_json} ({@link DecisionFacts}, since V8).
 * What the explanation endpoint reads is rendered from it ({@link RenderedExplanation}); records
 * stored before the trace existed hold that rendered array already (or {@code []}).
 */
public final class ExplanationJson {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private ExplanationJson() {
    }

    /** The stored form. */
    public static String write(ExplanationTrace trace) {
        return write(new DecisionFacts(trace, null));
    }

    /** The stored form of a decision's facts: the trace, and each action's proposing rule ids as {@code "actions"}. */
    public static String write(DecisionFacts facts) {
        ExplanationTrace trace = facts.trace();
        StringWriter out = new StringWriter(1024);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeArrayFieldStart("outputs");
            for (ExplanationTrace.Output o : trace.outputs()) {
                g.writeStartObject();
                g.writeStringField("output", o.output());
                g.writeStringField("code", o.code());
                numbers(g, "firings", o.firings());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("firings");
            for (ExplanationTrace.Firing f : trace.firings()) {
                g.writeStartObject();
                g.writeStringField("rule", f.rule());
                g.writeObjectFieldStart("values");
                for (Map.Entry<String, String> v : f.values().entrySet()) {
                    g.writeStringField(v.getKey(), v.getValue());
                }
                g.writeEndObject();
                numbers(g, "basedOn", f.basedOn());
                g.writeEndObject();
            }
            g.writeEndArray();
            if (facts.actionRules() != null) {
                g.writeArrayFieldStart("actions");
                for (List<String> rules : facts.actionRules()) {
                    strings(g, null, rules);
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Whether a stored explanation is already the rendered array (records from before the trace). */
    public static boolean isRendered(String stored) {
        return stored.stripLeading().startsWith("[");
    }

    /** The stored trace, as {@link #write(ExplanationTrace)} wrote it. */
    public static ExplanationTrace read(String stored) {
        return readFacts(stored).trace();
    }

    /** The stored facts, as {@link #write(DecisionFacts)} wrote them; without {@code "actions"}, null action rules. */
    public static DecisionFacts readFacts(String stored) {
        List<ExplanationTrace.Output> outputs = new ArrayList<>();
        List<ExplanationTrace.Firing> firings = new ArrayList<>();
        List<List<String>> actions = null;
        try (JsonParser p = JSON.createParser(stored)) {
            expect(p, JsonToken.START_OBJECT);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                expect(p, JsonToken.START_ARRAY);
                if (field.equals("actions")) {
                    actions = new ArrayList<>();
                    while (p.nextToken() == JsonToken.START_ARRAY) {
                        actions.add(strings(p));
                    }
                    continue;
                }
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    if (field.equals("outputs")) {
                        outputs.add(output(p));
                    } else if (field.equals("firings")) {
                        firings.add(firing(p));
                    } else {
                        throw new IOException("unknown field " + field);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("the stored explanation is not a trace: " + e.getMessage(), e);
        }
        return new DecisionFacts(new ExplanationTrace(outputs, firings), actions);
    }

    /** Receives what a stored trace decided, in stored order. */
    public interface OutlineVisitor {

        /** One output of the trace: its name ({@code tier}, {@code flag}, …) and code. */
        void output(String output, String code);

        /** One firing of the trace: the id of the rule that fired. */
        void firing(String rule);
    }

    /**
     * Reads only the outline of stored facts: each output's name and code and each firing's rule,
     * skipping the values firings bound and the links between them. What a replay compares, at a
     * fraction of {@link #readFacts}'s cost.
     */
    public static void readOutline(String stored, OutlineVisitor visitor) {
        try (JsonParser p = JSON.createParser(stored)) {
            expect(p, JsonToken.START_OBJECT);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                expect(p, JsonToken.START_ARRAY);
                switch (field) {
                    case "outputs" -> outlineOf(p, "output", "code", visitor::output);
                    case "firings" -> outlineOf(p, "rule", null, (rule, none) -> visitor.firing(rule));
                    case "actions" -> p.skipChildren();
                    default -> throw new IOException("unknown field " + field);
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("the stored explanation is not a trace: " + e.getMessage(), e);
        }
    }

    /** The objects of an array whose START_ARRAY was just read: the text of field {@code a} (and {@code b}) of each. */
    private static void outlineOf(JsonParser p, String a, String b, BiConsumer<String, String> each) throws IOException {
        while (p.nextToken() == JsonToken.START_OBJECT) {
            String first = null;
            String second = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                if (name.equals(a)) {
                    first = text(p);
                } else if (name.equals(b)) {
                    second = text(p);
                } else {
                    p.nextToken();
                    p.skipChildren();
                }
            }
            if (first == null || (b != null && second == null)) {
                throw new IOException("an entry without " + (first == null ? a : b) + " at " + p.currentLocation());
            }
            each.accept(first, second);
        }
    }

    private static ExplanationTrace.Output output(JsonParser p) throws IOException {
        String output = null;
        String code = null;
        List<Integer> firings = List.of();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            switch (p.currentName()) {
                case "output" -> output = text(p);
                case "code" -> code = text(p);
                case "firings" -> firings = numbers(p);
                default -> throw new IOException("unknown output field " + p.currentName());
            }
        }
        return new ExplanationTrace.Output(output, code, firings);
    }

    private static ExplanationTrace.Firing firing(JsonParser p) throws IOException {
        String rule = null;
        Map<String, String> values = new LinkedHashMap<>();
        List<Integer> basedOn = List.of();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            switch (p.currentName()) {
                case "rule" -> rule = text(p);
                case "values" -> {
                    expect(p, JsonToken.START_OBJECT);
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String binding = p.currentName();
                        values.put(binding, text(p));
                    }
                }
                case "basedOn" -> basedOn = numbers(p);
                default -> throw new IOException("unknown firing field " + p.currentName());
            }
        }
        return new ExplanationTrace.Firing(rule, values, basedOn);
    }

    private static String text(JsonParser p) throws IOException {
        expect(p, JsonToken.VALUE_STRING);
        return p.getText();
    }

    /** The strings of an array whose START_ARRAY was just read. */
    private static List<String> strings(JsonParser p) throws IOException {
        List<String> values = new ArrayList<>();
        while (p.nextToken() == JsonToken.VALUE_STRING) {
            values.add(p.getText());
        }
        return values;
    }

    private static List<Integer> numbers(JsonParser p) throws IOException {
        expect(p, JsonToken.START_ARRAY);
        List<Integer> numbers = new ArrayList<>();
        while (p.nextToken() == JsonToken.VALUE_NUMBER_INT) {
            numbers.add(p.getIntValue());
        }
        return numbers;
    }

    private static void expect(JsonParser p, JsonToken token) throws IOException {
        if (p.nextToken() != token) {
            throw new IOException("expected " + token + " at " + p.currentLocation() + ", found " + p.currentToken());
        }
    }

    private static void numbers(JsonGenerator g, String name, List<Integer> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (int v : values) {
            g.writeNumber(v);
        }
        g.writeEndArray();
    }

    /** An array of strings; a field of that name, or an array element when {@code name} is null. */
    static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
        if (name == null) {
            g.writeStartArray();
        } else {
            g.writeArrayFieldStart(name);
        }
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }
}
