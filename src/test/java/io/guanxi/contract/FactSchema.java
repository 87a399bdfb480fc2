package io.guanxi.contract;

import io.guanxi.facts.Coded;
import io.guanxi.facts.FactField;
import io.guanxi.facts.FactField.Limits;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The facts of a request schema of the spec, and the facts {@link FactField} describes, each written
 * as one comparable line: name, JSON type ({@code |null} when it may be null), range, length, codes,
 * default and whether it is required.
 */
final class FactSchema {

    private FactSchema() {
    }

    /** Every property of a request schema, in the spec's order. */
    static List<String> ofSpec(OpenApiSpec spec, String schema) {
        List<String> lines = new ArrayList<>();
        for (String name : spec.propertyOrder(schema)) {
            Map<String, Object> p = spec.property(schema, name);
            lines.add(line(name, type(p), number(p.get("minimum")), number(p.get("maximum")), p.get("maxLength"), p.get("enum"),
                    p.get("default"), spec.required(schema).contains(name)));
        }
        return lines;
    }

    /** Every fact in the order of the canonical input; a request may leave out (or send null for) an optional one. */
    static List<String> ofFacts() {
        List<String> lines = new ArrayList<>();
        for (FactField f : FactField.values()) {
            Limits l = f.limits();
            lines.add(line(f.jsonName(), f.type().jsonType() + (f.required() ? "" : "|null"), number(l.min()), number(l.max()),
                    l.maxLength() == 0 ? null : l.maxLength(), l.codes() == null ? null : l.codes().stream().map(Coded::code).toList(),
                    f.whenAbsent(), f.required()));
        }
        return lines;
    }

    /** The name and JSON type of every property of a stored schema, in the spec's order. */
    static List<String> typesOfSpec(OpenApiSpec spec, String schema) {
        return spec.propertyOrder(schema).stream().map(name -> name + ": " + type(spec.property(schema, name))
                + (spec.required(schema).contains(name) ? " required" : "")).toList();
    }

    /** The name and JSON type of every fact of the stored input: all present, null only when unknown. */
    static List<String> typesOfStoredFacts() {
        return Arrays.stream(FactField.values()).map(f -> f.jsonName() + ": " + f.type().jsonType()
                + (!f.required() && f.whenAbsent() == null ? "|null" : "") + " required").toList();
    }

    private static String type(Map<String, Object> property) {
        Object type = property.get("type");
        return type instanceof List<?> list ? String.join("|", list.stream().map(String::valueOf).toList()) : String.valueOf(type);
    }

    private static String line(String name, String type, String min, String max, Object maxLength, Object codes,
            Object absent, boolean required) {
        return name + ": " + type + (min == null ? "" : " minimum " + min) + (max == null ? "" : " maximum " + max)
                + (maxLength == null ? "" : " maxLength " + maxLength) + (codes == null ? "" : " enum " + codes)
                + (absent == null ? "" : " default " + absent) + (required ? " required" : "");
    }

    private static String number(Object value) {
        return value == null ? null : new BigDecimal(String.valueOf(value)).stripTrailingZeros().toPlainString();
    }
}
