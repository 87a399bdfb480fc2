package io.guanxi.contract;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The HTTP contract in {@code api-spec/openapi.yaml}, read as plain maps and lists, with the
 * document's own {@code $ref}s resolved. Only what the contract test needs: operations, their
 * statuses, schemas and examples.
 */
final class OpenApiSpec {

    /** Relative to the project root, where Maven runs the tests. */
    static final Path LOCATION = Path.of("api-spec", "openapi.yaml");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    /** One path and method of the spec. */
    record Operation(String path, String method, Map<String, Object> definition) {

        /** The response statuses the spec lists for this operation. */
        Set<Integer> statuses() {
            Set<Integer> statuses = new TreeSet<>();
            OpenApiSpec.<Map<String, Object>>cast(definition.get("responses")).keySet()
                    .forEach(status -> statuses.add(Integer.valueOf(status)));
            return statuses;
        }

        @Override
        public String toString() {
            return method.toUpperCase() + " " + path;
        }
    }

    /** One example of a response body, by name ({@code example} when unnamed), with its schema. */
    record Example(String name, Object value, Map<String, Object> schema) {
    }

    private final Map<String, Object> root;

    private OpenApiSpec(Map<String, Object> root) {
        this.root = root;
    }

    static OpenApiSpec load() {
        try (Reader reader = Files.newBufferedReader(LOCATION, StandardCharsets.UTF_8)) {
            return new OpenApiSpec(new Yaml(new SafeConstructor(new LoaderOptions())).load(reader));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + LOCATION.toAbsolutePath(), e);
        }
    }

    List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        OpenApiSpec.<Map<String, Object>>cast(root.get("paths")).forEach((path, item) ->
                OpenApiSpec.<Map<String, Object>>cast(item).forEach((method, definition) -> {
                    if (METHODS.contains(method)) {
                        operations.add(new Operation(path, method, cast(definition)));
                    }
                }));
        return operations;
    }

    Operation operation(String path, String method) {
        return operations().stream().filter(o -> o.path().equals(path) && o.method().equals(method)).findFirst()
                .orElseThrow(() -> new AssertionError("the spec has no " + method.toUpperCase() + " " + path));
    }

    /** The one media type the spec gives for this status of the operation. */
    String contentType(Operation operation, int status) {
        return content(operation, status).keySet().iterator().next();
    }

    /** The schema of the body of this status of the operation. */
    Map<String, Object> responseSchema(Operation operation, int status) {
        return resolve(cast(content(operation, status).values().iterator().next().get("schema")));
    }

    /** Every media type the spec gives for this status of the operation, in the spec's order. */
    List<String> contentTypes(Operation operation, int status) {
        return List.copyOf(content(operation, status).keySet());
    }

    /** The schema of the body of this status and media type of the operation. */
    Map<String, Object> responseSchema(Operation operation, int status, String mediaType) {
        Map<String, Object> media = content(operation, status).get(mediaType);
        if (media == null) {
            throw new AssertionError(operation + " " + status + " has no " + mediaType);
        }
        return resolve(cast(media.get("schema")));
    }

    /** The names of a schema's properties in the order the spec lists them. */
    List<String> propertyOrder(String schema) {
        return List.copyOf(OpenApiSpec.<Map<String, Object>>cast(schema(schema).get("properties")).keySet());
    }

    /** The parameters of the operation, their $refs resolved. */
    List<Map<String, Object>> parameters(Operation operation) {
        List<Map<String, Object>> parameters = cast(operation.definition().getOrDefault("parameters", List.of()));
        return parameters.stream().map(this::resolve).toList();
    }

    /** The roles the operation names in {@code x-roles}; empty for an operation open to anyone. */
    Set<String> roles(Operation operation) {
        return new TreeSet<>(OpenApiSpec.<List<String>>cast(operation.definition().getOrDefault("x-roles", List.of())));
    }

    /** Whether the operation needs credentials: the global {@code security} unless it overrides it. */
    boolean secured(Operation operation) {
        List<?> security = cast(operation.definition().containsKey("security")
                ? operation.definition().get("security") : root.getOrDefault("security", List.of()));
        return !security.isEmpty();
    }

    Map<String, Object> schema(String name) {
        return resolve(Map.of("$ref", "#/components/schemas/" + name));
    }

    /** The names of the properties a schema declares. */
    Set<String> properties(String schema) {
        return new TreeSet<>(OpenApiSpec.<Map<String, Object>>cast(schema(schema).get("properties")).keySet());
    }

    /** One property of a schema, its $ref resolved. */
    Map<String, Object> property(String schema, String name) {
        return resolve(OpenApiSpec.<Map<String, Map<String, Object>>>cast(schema(schema).get("properties")).get(name));
    }

    List<String> required(String schema) {
        return cast(schema(schema).getOrDefault("required", List.of()));
    }

    /** The properties a schema declares but does not require. */
    List<String> optional(String schema) {
        return properties(schema).stream().filter(p -> !required(schema).contains(p)).toList();
    }

    /** The operation's path with every parameter replaced by its example. */
    String examplePath(Operation operation) {
        String path = operation.path();
        for (String name : Pattern.compile("\\{([^}]+)}").matcher(operation.path()).results().map(m -> m.group(1)).toList()) {
            path = path.replace("{" + name + "}", parameterExample(operation, name));
        }
        return path;
    }

    /** A named example of the JSON request body of the operation. */
    Map<String, Object> requestExample(Operation operation, String name) {
        Map<String, Object> body = resolve(cast(operation.definition().get("requestBody")));
        Map<String, Map<String, Object>> content = cast(body.get("content"));
        Map<String, Map<String, Object>> examples = cast(content.get("application/json").get("examples"));
        if (examples == null || !examples.containsKey(name)) {
            throw new AssertionError(operation + " has no request example " + name);
        }
        return cast(examples.get(name).get("value"));
    }

    /** The example of a path parameter of the operation. */
    String parameterExample(Operation operation, String name) {
        List<Map<String, Object>> parameters = cast(operation.definition().get("parameters"));
        return parameters.stream().map(this::resolve).filter(p -> name.equals(p.get("name"))).findFirst()
                .map(p -> String.valueOf(p.get("example")))
                .orElseThrow(() -> new AssertionError(operation + " has no example for parameter " + name));
    }

    /** Follows {@code $ref} (local JSON pointers only) until a definition is reached. */
    Map<String, Object> resolve(Map<String, Object> node) {
        Map<String, Object> current = node;
        while (current != null && current.get("$ref") instanceof String ref) {
            if (!ref.startsWith("#/")) {
                throw new AssertionError("only local $refs are supported: " + ref);
            }
            Object target = root;
            for (String part : ref.substring(2).split("/")) {
                target = OpenApiSpec.<Map<String, Object>>cast(target).get(part.replace("~1", "/").replace("~0", "~"));
            }
            if (target == null) {
                throw new AssertionError("$ref " + ref + " points nowhere");
            }
            current = cast(target);
        }
        return current;
    }

    /** Every example of a JSON body (plain or problem+json) the spec gives for this status of the operation. */
    List<Example> responseExamples(Operation operation, int status) {
        List<Example> examples = new ArrayList<>();
        Map<String, Map<String, Object>> content = content(operation, status);
        if (content == null) {
            return examples;
        }
        content.forEach((mediaType, media) -> {
            if (!mediaType.endsWith("json")) {
                return;
            }
            Map<String, Object> schema = resolve(cast(media.get("schema")));
            if (media.containsKey("example")) {
                examples.add(new Example("example", media.get("example"), schema));
            }
            Map<String, Map<String, Object>> named = cast(media.getOrDefault("examples", Map.of()));
            named.forEach((name, example) -> examples.add(new Example(name, resolve(example).get("value"), schema)));
        });
        return examples;
    }

    private Map<String, Map<String, Object>> content(Operation operation, int status) {
        Map<String, Object> responses = cast(operation.definition().get("responses"));
        Map<String, Object> response = resolve(cast(responses.get(String.valueOf(status))));
        if (response == null) {
            throw new AssertionError(operation + " does not list status " + status);
        }
        return cast(response.get("content"));
    }

    @SuppressWarnings("unchecked")
    static <T> T cast(Object value) {
        return (T) value;
    }
}
