package io.guanxi.contract;

import io.micronaut.json.tree.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Compares a real JSON body with a schema of the spec and names every disagreement by its JSON
 * path: a required field missing, a field the schema does not declare, a value of another type,
 * a code outside its enum, a string that misses its pattern. Recurses into objects and array items.
 */
final class SchemaCheck {

    private final OpenApiSpec spec;
    private final List<String> violations = new ArrayList<>();

    private SchemaCheck(OpenApiSpec spec) {
        this.spec = spec;
    }

    static List<String> violations(OpenApiSpec spec, Map<String, Object> schema, JsonNode body) {
        SchemaCheck check = new SchemaCheck(spec);
        check.check(schema, body, "$");
        return check.violations;
    }

    private void check(Map<String, Object> unresolved, JsonNode node, String at) {
        Map<String, Object> schema = spec.resolve(unresolved);
        List<String> types = types(schema.get("type"));
        if (!types.isEmpty() && types.stream().noneMatch(type -> is(node, type))) {
            violations.add(at + " is " + kind(node) + ", the spec says " + String.join(" or ", types));
            return;
        }
        if (node.isNull()) {
            return;
        }
        if (schema.get("oneOf") instanceof List<?> alternatives) {
            oneOf(alternatives, node, at);
        }
        if (schema.get("enum") instanceof List<?> allowed && node.isString() && !allowed.contains(node.getStringValue())) {
            violations.add(at + " is \"" + node.getStringValue() + "\", not one of the spec's " + allowed);
        }
        if (schema.get("pattern") instanceof String pattern && node.isString()
                && !Pattern.compile(pattern).matcher(node.getStringValue()).find()) {
            violations.add(at + " is \"" + node.getStringValue() + "\", which misses the pattern " + pattern);
        }
        if (node.isObject()) {
            object(schema, node, at);
        } else if (node.isArray() && schema.get("items") != null) {
            int i = 0;
            for (JsonNode item : node.values()) {
                check(OpenApiSpec.cast(schema.get("items")), item, at + "[" + i++ + "]");
            }
        }
    }

    /** Exactly one alternative must fit; if none does, the violations of each are named. */
    private void oneOf(List<?> alternatives, JsonNode node, String at) {
        List<List<String>> found = alternatives.stream()
                .map(alternative -> violations(spec, OpenApiSpec.cast(alternative), node)).toList();
        long fitting = found.stream().filter(List::isEmpty).count();
        if (fitting == 0) {
            violations.add(at + " fits none of the spec's oneOf: " + found);
        } else if (fitting > 1) {
            violations.add(at + " fits " + fitting + " of the spec's oneOf, which must tell them apart");
        }
    }

    private void object(Map<String, Object> schema, JsonNode node, String at) {
        Map<String, Map<String, Object>> properties = OpenApiSpec.cast(schema.get("properties"));
        List<String> required = OpenApiSpec.cast(schema.getOrDefault("required", List.of()));
        for (String name : required) {
            if (node.get(name) == null) {
                violations.add(at + "." + name + " is required by the spec but missing");
            }
        }
        if (properties == null) {
            return; // a free-form object, such as the health details
        }
        for (Map.Entry<String, JsonNode> field : node.entries()) {
            Map<String, Object> property = properties.get(field.getKey());
            if (property == null) {
                violations.add(at + "." + field.getKey() + " is not declared by the spec");
            } else {
                check(property, field.getValue(), at + "." + field.getKey());
            }
        }
    }

    private static List<String> types(Object type) {
        if (type == null) {
            return List.of();
        }
        return type instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of(String.valueOf(type));
    }

    private static boolean is(JsonNode node, String type) {
        return switch (type) {
            case "null" -> node.isNull();
            case "object" -> node.isObject();
            case "array" -> node.isArray();
            case "string" -> node.isString();
            case "boolean" -> node.isBoolean();
            case "number" -> node.isNumber();
            case "integer" -> node.isNumber() && node.getBigDecimalValue().stripTrailingZeros().scale() <= 0;
            default -> throw new AssertionError("unknown JSON Schema type " + type);
        };
    }

    private static String kind(JsonNode node) {
        for (String type : Set.of("null", "object", "array", "string", "boolean")) {
            if (is(node, type)) {
                return type;
            }
        }
        return "a number (" + node.getNumberValue() + ")";
    }
}
