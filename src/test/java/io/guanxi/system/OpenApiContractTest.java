package io.guanxi.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guanxi.advice.AdviceApi;
import io.guanxi.advice.AdviceApi.Reply;
import io.guanxi.system.OpenApiSpec.Operation;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code api-spec/openapi.yaml} and the running service in step: every operation of the
 * spec exists, every real answer has exactly the fields of its schema, the request schema's fields
 * and required list are the service's, and the service has no route the spec lacks. Methods a path
 * does not list are not operations of the spec; the spec documents them as 405, and so must the
 * service answer. HEAD mirrors GET (HTTP semantics) and is left out of both.
 */
@MicronautTest(transactional = false)
class OpenApiContractTest {

    private static final OpenApiSpec SPEC = OpenApiSpec.load();
    private static final List<HttpMethod> PROBED = List.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT,
            HttpMethod.PATCH, HttpMethod.DELETE, HttpMethod.OPTIONS);
    private static final Operation ADVISE = SPEC.operation("/v1/advice", "post");

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    JsonMapper json;

    @Inject
    Router router;

    private AdviceApi api;

    @BeforeEach
    void connect() {
        api = new AdviceApi(client, json);
    }

    @Test
    void everyOperationOfTheSpecAnswersAValidRequestWithASuccessStatusItLists() {
        for (Operation operation : SPEC.operations()) {
            Reply reply = api.exchange(validRequest(operation));
            assertTrue(reply.status() < 300 && operation.statuses().contains(reply.status()),
                    operation + " answered " + reply.status() + " " + show(reply) + "; the spec lists " + operation.statuses());
        }
    }

    @Test
    void adviceAnswersHaveExactlyTheFieldsOfTheirSchemas() {
        String customer = AdviceApi.uniqueCustomer("SPEC");
        Map<String, Object> full = adviceExample("strategicAccount", customer);
        assertConforms(ADVISE, api.advise(full), 200);
        assertConforms(ADVISE, api.advise(full), 200);
        Map<String, Object> later = adviceExample("requiredOnly", customer);
        later.put("purchaseShare", 0.1);
        assertConforms(ADVISE, api.advise(later), 200);

        full.put("purchaseShare", 0.9);
        assertConforms(ADVISE, api.advise(full), 409);
        assertConforms(ADVISE, api.postRaw("{\"purchaseShare\":\"0.5\",\"orderCount12m\":2.5,\"x\":1}", "application/json"), 400);
        assertConforms(ADVISE, api.postRaw("[]", "application/json"), 400);
        assertConforms(ADVISE, api.postRaw("{\"industry\":\"" + "x".repeat(70_000) + "\"}", "application/json"), 413);
        assertConforms(ADVISE, api.postRaw(api.write(later), "text/plain"), 415);
    }

    @Test
    void auditAndOperationsAnswersHaveExactlyTheFieldsOfTheirSchemas() {
        Operation decision = SPEC.operation("/v1/decisions/{decisionId}", "get");
        Operation ruleSet = SPEC.operation("/v1/ruleset", "get");
        assertConforms(decision, api.exchange(validRequest(decision)), 200);
        assertConforms(decision, api.get("/v1/decisions/" + UUID.randomUUID()), 404);
        assertConforms(ruleSet, api.get("/v1/ruleset"), 200);
        assertConforms(ruleSet, api.exchange(HttpRequest.GET("/v1/ruleset").accept(MediaType.TEXT_HTML_TYPE)), 406);
        for (String path : List.of("/health", "/health/{probe}")) {
            Operation health = SPEC.operation(path, "get");
            assertConforms(health, api.exchange(validRequest(health)), 200);
        }
    }

    @Test
    void everyFieldOfTheRequestSchemaIsAcceptedByTheService() {
        Map<String, Object> full = adviceExample("strategicAccount", AdviceApi.uniqueCustomer("SPEC"));
        assertEquals(SPEC.properties("AdviceRequest"), new TreeSet<>(full.keySet()),
                "the full request example covers every field of AdviceRequest");
        assertEquals(200, api.advise(full).status(), "every field at once");

        for (String optional : SPEC.optional("AdviceRequest")) {
            Map<String, Object> request = adviceExample("requiredOnly", AdviceApi.uniqueCustomer("SPEC"));
            request.put(optional, "requestId".equals(optional) ? "req-" + request.get("customerId") : full.get(optional));
            Reply reply = api.advise(request);
            assertEquals(200, reply.status(), "the required fields and " + optional + ": " + show(reply));
        }
    }

    @Test
    void theSpecRequiresExactlyTheFieldsTheServiceReportsAsRequired() {
        Reply empty = api.postRaw("{}", "application/json");
        Set<String> reportedRequired = new TreeSet<>();
        for (JsonNode error : empty.body().get("errors").values()) {
            if ("is required".equals(error.get("message").getStringValue())) {
                reportedRequired.add(error.get("field").getStringValue());
            }
        }
        assertEquals(new TreeSet<>(SPEC.required("AdviceRequest")), reportedRequired);
        assertEquals(200, api.advise(adviceExample("requiredOnly", AdviceApi.uniqueCustomer("SPEC"))).status(),
                "the required fields alone are enough");
    }

    @Test
    void theServiceEnforcesExactlyTheBoundsOfTheRequestSchema() {
        String customer = AdviceApi.uniqueCustomer("SPEC");
        List<Map<String, Object>> requests = new ArrayList<>();
        for (int i = 0; i < 4; i++) { // at the lowest, at the highest, below, above
            requests.add(adviceExample("strategicAccount", AdviceApi.uniqueCustomer("SPEC")));
        }
        Set<String> belowFields = new TreeSet<>();
        Set<String> aboveFields = new TreeSet<>();
        for (String name : SPEC.properties("AdviceRequest")) {
            Map<String, Object> property = SPEC.property("AdviceRequest", name);
            BigDecimal step = String.valueOf(property.get("type")).contains("integer") ? BigDecimal.ONE : new BigDecimal("0.001");
            if (property.get("minimum") != null) {
                BigDecimal minimum = new BigDecimal(String.valueOf(property.get("minimum")));
                requests.get(0).put(name, minimum);
                requests.get(2).put(name, minimum.subtract(step));
                belowFields.add(name);
            }
            if (property.get("maximum") != null) {
                BigDecimal maximum = new BigDecimal(String.valueOf(property.get("maximum")));
                requests.get(1).put(name, maximum);
                requests.get(3).put(name, maximum.add(step));
                aboveFields.add(name);
            }
            if (property.get("maxLength") instanceof Integer length) {
                // An identifier of this run, or free text counted in code points (𠮷 is two UTF-16 units).
                String longest = property.get("pattern") != null
                        ? (customer + "x".repeat(length)).substring(0, length) : "𠮷".repeat(length);
                requests.get(1).put(name, longest);
                requests.get(3).put(name, longest + "x");
                aboveFields.add(name);
            }
        }
        assertEquals(200, api.advise(requests.get(0)).status(), "every field at its minimum: " + api.write(requests.get(0)));
        Reply highest = api.advise(requests.get(1));
        assertEquals(200, highest.status(), "every field at its maximum: " + show(highest));
        assertEquals(belowFields, invalidFields(api.advise(requests.get(2))), "every field below its minimum");
        assertEquals(aboveFields, invalidFields(api.advise(requests.get(3))), "every field above its maximum");
    }

    @Test
    void theServiceHasNoRouteTheSpecLacks() {
        Set<String> routes = router.uriRoutes().filter(r -> r.getHttpMethod() != HttpMethod.HEAD)
                .map(r -> r.getHttpMethodName() + " " + template(r.getUriMatchTemplate().toString()))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> specified = SPEC.operations().stream()
                .map(o -> o.method().toUpperCase() + " " + template(o.path()))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(specified, routes);
    }

    @Test
    void methodsThatAPathOfTheSpecDoesNotListAreRefusedWith405Problems() {
        Set<String> paths = SPEC.operations().stream().map(Operation::path).collect(Collectors.toCollection(TreeSet::new));
        List<String> wrong = new ArrayList<>();
        for (String path : paths) {
            Set<String> listed = SPEC.operations().stream().filter(o -> o.path().equals(path))
                    .map(Operation::method).collect(Collectors.toSet());
            String concrete = SPEC.examplePath(SPEC.operations().stream().filter(o -> o.path().equals(path)).findFirst().orElseThrow());
            for (HttpMethod method : PROBED) {
                if (listed.contains(method.name().toLowerCase())) {
                    continue;
                }
                Reply reply = api.exchange(HttpRequest.create(method, concrete));
                List<String> violations = SchemaCheck.violations(SPEC, SPEC.schema("Problem"), reply.body());
                if (reply.status() != 405 || !Problem.CONTENT_TYPE.equals(mediaType(reply)) || !violations.isEmpty()) {
                    wrong.add(method + " " + concrete + " -> " + reply.status() + " " + reply.contentType() + " " + violations);
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    private void assertConforms(Operation operation, Reply reply, int expectedStatus) {
        assertEquals(expectedStatus, reply.status(), operation + ": " + show(reply));
        assertTrue(operation.statuses().contains(reply.status()), operation + " does not list " + reply.status());
        assertEquals(SPEC.contentType(operation, reply.status()), mediaType(reply), operation + " " + reply.status());
        assertEquals(List.of(), SchemaCheck.violations(SPEC, SPEC.responseSchema(operation, reply.status()), reply.body()),
                operation + " " + reply.status() + ": " + show(reply));
    }

    /** A request the spec says succeeds: its examples, with a fresh customer and a real decision id. */
    private HttpRequest<?> validRequest(Operation operation) {
        HttpMethod method = HttpMethod.parse(operation.method().toUpperCase());
        if (operation.definition().containsKey("requestBody")) {
            String body = api.write(adviceExample("strategicAccount", AdviceApi.uniqueCustomer("SPEC")));
            return HttpRequest.create(method, SPEC.examplePath(operation)).body(body).contentType(MediaType.APPLICATION_JSON_TYPE);
        }
        String path = SPEC.examplePath(operation);
        if (operation.path().contains("{decisionId}")) {
            String decisionId = api.advise(adviceExample("requiredOnly", AdviceApi.uniqueCustomer("SPEC"))).text("decisionId");
            path = operation.path().replace("{decisionId}", decisionId);
        }
        return HttpRequest.create(method, path);
    }

    /** A request example of the spec with its own customer and, when it has one, its own requestId. */
    private static Map<String, Object> adviceExample(String name, String customerId) {
        Map<String, Object> request = new LinkedHashMap<>(SPEC.requestExample(ADVISE, name));
        request.put("customerId", customerId);
        request.computeIfPresent("requestId", (k, v) -> "req-" + customerId);
        return request;
    }

    private static String template(String path) {
        return path.replaceAll("\\{[^}]*}", "{}");
    }

    private static Set<String> invalidFields(Reply reply) {
        Set<String> fields = new TreeSet<>();
        reply.body().get("errors").values().forEach(error -> fields.add(error.get("field").getStringValue()));
        return fields;
    }

    private String show(Reply reply) {
        return reply.body() == null ? "(no body)" : api.write(reply.body());
    }

    private static String mediaType(Reply reply) {
        return reply.contentType() == null ? null : reply.contentType().split(";")[0].trim();
    }
}
