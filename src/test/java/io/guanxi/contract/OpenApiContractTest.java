package io.guanxi.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guanxi.advice.AdviceApi;
import io.guanxi.advice.AdviceApi.Reply;
import io.guanxi.advice.AdviceApi.Text;
import io.guanxi.contract.OpenApiSpec.Operation;
import io.guanxi.facts.FactField;
import io.guanxi.platform.security.ApiKeyAuthenticationFetcher;
import io.guanxi.platform.security.Roles;
import io.guanxi.platform.web.Problem;
import io.guanxi.rules.RuleId;
import io.guanxi.rules.lifecycle.RulesWorkspace;
import io.guanxi.testing.ApiKeyTestFilter;
import io.guanxi.testing.Poll;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps {@code api-spec/openapi.yaml} and the running service in step: every operation of the
 * spec exists, every real answer has exactly the fields of its schema, the request schema's fields
 * and required list are the service's, and the service has no route the spec lacks. Methods a path
 * does not list are not operations of the spec; the spec documents them as 405, and so must the
 * service answer. HEAD mirrors GET (HTTP semantics) and is left out of both. Operations that change
 * the live rule set (reload, rollback) run against a second service on a private copy of the rules,
 * so that the shipped rules directory is never written.
 */
@MicronautTest(transactional = false)
class OpenApiContractTest {

    private static final OpenApiSpec SPEC = OpenApiSpec.load();
    private static final List<HttpMethod> PROBED = List.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT,
            HttpMethod.PATCH, HttpMethod.DELETE, HttpMethod.OPTIONS);
    private static final Operation ADVISE = SPEC.operation("/v1/advice", "post");
    private static final Operation ADVISE_BATCH = SPEC.operation("/v1/advice/batch", "post");
    private static final List<String> ROLE_KEYS = List.of(ApiKeyTestFilter.ADVICE_CLIENT, ApiKeyTestFilter.AUDITOR,
            ApiKeyTestFilter.RULES_ADMIN, ApiKeyTestFilter.ANALYST, ApiKeyTestFilter.OPERATOR);
    private static final String SIMULATIONS = "/v1/simulations";
    private static final String SIMULATION = "/v1/simulations/{simulationId}";
    private static final String UNKNOWN_VERSION = "sha256:" + "0".repeat(64);
    private static final String CALLBACK = "POST_SALE_CALLBACK,售后回访";

    @TempDir
    static Path rulesCopy;
    private static RulesWorkspace workspace;
    private static EmbeddedServer rulesServer;
    private static AdviceApi rulesApi;

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    JsonMapper json;

    @Inject
    Router router;

    private AdviceApi api;

    @BeforeAll
    static void startRulesService() {
        workspace = new RulesWorkspace(rulesCopy);
        // Only the test changes the copy, and only through the API.
        rulesServer = workspace.start(Map.of("guanxi.watch-rules", false));
        rulesApi = RulesWorkspace.api(rulesServer);
    }

    @AfterAll
    static void stopRulesService() {
        if (rulesServer != null) {
            ExperimentRequests.stopRunning(rulesApi);
            rulesServer.close();
        }
    }

    @BeforeEach
    void connect() {
        api = new AdviceApi(client, json);
    }

    @Test
    void everyOperationOfTheSpecAnswersAValidRequestWithASuccessStatusItLists() {
        for (Operation operation : SPEC.operations()) {
            Text reply = raw(apiFor(operation), validRequest(operation));
            assertTrue(reply.status() < 300 && operation.statuses().contains(reply.status()),
                    operation + " answered " + reply.status() + " " + reply.body() + "; the spec lists " + operation.statuses());
        }
    }

    @Test
    void everySecuredOperationRefusesMissingUnknownAndWrongKeysWithProblems() {
        List<String> wrong = new ArrayList<>();
        for (Operation operation : SPEC.operations()) {
            if (!SPEC.secured(operation)) {
                assertEquals(Set.of(), SPEC.roles(operation), operation + " is open to anyone and names no roles");
                assertEquals(200, raw(api, withKey(validRequest(operation), "")).status(), operation + " without a key");
                continue;
            }
            assertTrue(operation.statuses().contains(401), operation + " lists 401");
            // Open to every role (GET /v1/me), an operation refuses no key that is known: no 403 to list.
            assertTrue(SPEC.roles(operation).equals(Roles.ALL) || operation.statuses().contains(403),
                    operation + " lists 403");
            assertTrue(!SPEC.roles(operation).isEmpty(), operation + " names its roles in x-roles");
            AdviceApi target = apiFor(operation);
            assertConforms(operation, target.exchange(withKey(validRequest(operation), "")), 401);
            assertConforms(operation, target.exchange(withKey(validRequest(operation), "not-a-key")), 401);
            Set<String> allowed = new TreeSet<>();
            for (String key : ROLE_KEYS) {
                Text reply = raw(target, withKey(validRequest(operation), key));
                if (reply.status() == 403) {
                    assertConforms(operation, target.exchange(withKey(validRequest(operation), key)), 403);
                } else if (reply.status() < 300) {
                    allowed.add(roleOf(key));
                } else {
                    wrong.add(operation + " with " + key + " -> " + reply.status() + " " + reply.body());
                }
            }
            assertEquals(SPEC.roles(operation), allowed, operation + ": the roles that may call it");
        }
        assertEquals(List.of(), wrong);
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
        Operation verify = SPEC.operation("/v1/audit/verify", "get");
        Reply head = api.get("/v1/audit/head");
        assertConforms(verify, api.get("/v1/audit/verify?since=" + head.body().get("seq").getLongValue() + ":" + head.text("hash")), 200);
        assertConforms(verify, api.get("/v1/audit/verify?since=0:x&limit=0"), 400);
        for (String path : List.of("/health", "/health/{probe}")) {
            Operation health = SPEC.operation(path, "get");
            assertConforms(health, api.exchange(validRequest(health)), 200);
        }
    }

    @Test
    void simulationAnswersHaveExactlyTheFieldsOfTheirSchemas() {
        Operation start = SPEC.operation(SIMULATIONS, "post");
        Operation simulation = SPEC.operation(SIMULATION, "get");
        Operation changes = SPEC.operation(SIMULATION + "/changes", "get");
        api.advise(adviceExample("strategicAccount", AdviceApi.uniqueCustomer("SPEC")));
        Reply accepted = api.exchange(simulate());
        assertConforms(start, accepted, 202);
        // Every view on the way conforms, the running ones too.
        Reply view = Poll.until("the simulation ends", Duration.ofMinutes(1), () -> {
            Reply v = api.get(accepted.text("location"));
            assertConforms(simulation, v, 200);
            return v;
        }, v -> !v.text("state").equals("RUNNING"));
        assertEquals("DONE", view.text("state"));
        Reply candidate = api.exchange(HttpRequest.POST(SIMULATIONS, "{\"files\": [{\"path\": \"cooperation-stage.drl\","
                + " \"content\": \"rule X end\"}]}").contentType(MediaType.APPLICATION_JSON_TYPE));
        assertConforms(start, candidate, 422);
        assertConforms(start, api.exchange(HttpRequest.POST(SIMULATIONS, "{\"tier\": \"GOLD\"}")
                .contentType(MediaType.APPLICATION_JSON_TYPE)), 400);
        assertConforms(simulation, api.get(SIMULATIONS + "/" + UUID.randomUUID()), 404);
        assertConforms(changes, api.get(accepted.text("location") + "/changes?limit=2"), 200);
        assertConforms(changes, api.get(accepted.text("location") + "/changes?limit=0"), 400);
    }

    @Test
    void explanationAndAuditQueryAnswersHaveExactlyTheFieldsOfTheirSchemas() {
        Operation explanation = SPEC.operation("/v1/decisions/{decisionId}/explanation", "get");
        Operation page = SPEC.operation("/v1/decisions", "get");
        Operation export = SPEC.operation("/v1/decisions/export", "get");
        String customer = AdviceApi.uniqueCustomer("SPEC");
        Map<String, Object> first = adviceExample("strategicAccount", customer);
        first.remove("requestId");
        String decisionId = api.advise(first).text("decisionId");
        Map<String, Object> later = adviceExample("requiredOnly", customer);
        later.put("purchaseShare", 0.2);
        later.put("paymentOnTimeRate", 0.7);
        assertEquals("REGRESSED", api.advise(later).text("transition"));

        Reply explained = api.get("/v1/decisions/" + decisionId + "/explanation");
        assertConforms(explanation, explained, 200);
        assertTrue(explained.body().get("explanations").values().iterator().hasNext(), show(explained));
        assertConforms(explanation, api.get("/v1/decisions/" + UUID.randomUUID() + "/explanation"), 404);

        Reply firstPage = api.get("/v1/decisions?customerId=" + customer + "&limit=1");
        assertConforms(page, firstPage, 200);
        assertTrue(firstPage.text("nextCursor") != null, show(firstPage));
        Reply lastPage = api.get("/v1/decisions?customerId=" + customer + "&limit=1&cursor=" + firstPage.text("nextCursor"));
        assertConforms(page, lastPage, 200);
        assertEquals(null, lastPage.text("nextCursor"), show(lastPage));
        assertEquals("STABLE", lastPage.body().get("items").get(0).get("previousCooperationStage").getStringValue());
        assertConforms(page, api.get("/v1/decisions?customerId=" + customer + "&tier=KEY&transition=REGRESSED&rule=TIER-110"
                + "&from=2026-01-01T00:00:00Z&to=2999-01-01T00:00:00Z"), 200);
        Reply refused = api.get("/v1/decisions?limit=0&tier=GOLD&from=yesterday&colour=red&cursor=x&cursor=y");
        assertConforms(page, refused, 400);
        assertEquals(Set.of("limit", "tier", "from", "colour", "cursor"), invalidFields(refused));
        assertConforms(page, api.exchange(HttpRequest.GET("/v1/decisions").accept(MediaType.TEXT_HTML_TYPE)), 406);

        Text jsonl = raw(api, HttpRequest.GET("/v1/decisions/export?customerId=" + customer));
        assertExport(export, jsonl, "application/x-ndjson", "decisions.jsonl");
        List<String> lines = List.of(jsonl.body().split("\n", -1));
        assertEquals(3, lines.size(), "two records, each ending with LF: " + jsonl.body());
        assertEquals("", lines.get(2));
        for (String line : lines.subList(0, 2)) {
            assertEquals(List.of(), SchemaCheck.violations(SPEC, SPEC.responseSchema(export, 200, "application/x-ndjson"),
                    parse(line)), line);
        }
        Text csv = raw(api, HttpRequest.GET("/v1/decisions/export?customerId=" + customer + "&format=csv"));
        assertExport(export, csv, "text/csv", "decisions.csv");
        assertTrue(csv.contentType().replace(" ", "").equalsIgnoreCase("text/csv;charset=utf-8"), csv.contentType());
        assertEquals(String.join(",", SPEC.propertyOrder("DecisionExportRecord")), csv.body().split("\r\n", 2)[0],
                "the CSV header is the fields of DecisionExportRecord in their order");
        assertEquals(4, csv.body().split("\r\n", -1).length, "a header, two records, each ending with CRLF");
        Reply exportRefused = api.get("/v1/decisions/export?limit=10&cursor=ZDE&format=xml");
        assertConforms(export, exportRefused, 400);
        assertEquals(Set.of("limit", "cursor", "format"), invalidFields(exportRefused));
        assertConforms(export, api.exchange(HttpRequest.GET("/v1/decisions/export").accept(MediaType.TEXT_HTML_TYPE)), 406);
    }

    @Test
    void ruleSetAnswersHaveExactlyTheFieldsOfTheirSchemas() throws IOException {
        Operation live = SPEC.operation("/v1/ruleset", "get");
        Operation reload = SPEC.operation("/v1/ruleset/reload", "post");
        Operation rollback = SPEC.operation("/v1/ruleset/rollback", "post");
        Operation versions = SPEC.operation("/v1/ruleset/versions", "get");
        Operation version = SPEC.operation("/v1/ruleset/versions/{version}", "get");

        Reply before = rulesApi.get("/v1/ruleset");
        assertConforms(live, before, 200);
        String original = before.text("version");
        assertConforms(versions, rulesApi.get("/v1/ruleset/versions"), 200);
        Reply files = rulesApi.get("/v1/ruleset/versions/" + original);
        assertConforms(version, files, 200);
        assertTrue(files.body().get("scenarios").values().iterator().hasNext(), "the scenarios that gated it");
        assertConforms(version, rulesApi.get("/v1/ruleset/versions/" + UNKNOWN_VERSION), 404);
        assertConforms(version, rulesApi.exchange(HttpRequest.GET("/v1/ruleset/versions/" + original)
                .accept(MediaType.TEXT_HTML_TYPE)), 406);

        workspace.edit("actions.csv", CALLBACK, "POST_SALE_CALLBACK,售后电话回访");
        Reply reloaded = rulesApi.exchange(HttpRequest.POST("/v1/ruleset/reload", ""));
        assertConforms(reload, reloaded, 200);
        assertEquals("API", reloaded.text("how"));
        assertConforms(reload, rulesApi.exchange(HttpRequest.POST("/v1/ruleset/reload", "").accept(MediaType.TEXT_HTML_TYPE)), 406);
        workspace.write("broken.drl", "package guanxi;\nrule \"X-1\"\nwhen\n  Nope(\nthen\nend\n");
        Reply rejected = rulesApi.exchange(HttpRequest.POST("/v1/ruleset/reload", ""));
        assertConforms(reload, rejected, 422);
        assertEquals("urn:guanxi:problem:ruleset-rejected", rejected.text("type"));
        Reply failed = rulesApi.get("/v1/ruleset");
        assertConforms(live, failed, 200);
        assertEquals("API", failed.body().get("lastFailure").get("how").getStringValue(), show(failed));
        Files.delete(rulesCopy.resolve("broken.drl"));

        Reply rolledBack = rulesApi.exchange(rollbackTo(original));
        assertConforms(rollback, rolledBack, 200);
        assertEquals("ROLLBACK", rolledBack.text("how"));
        assertEquals(original, rolledBack.text("version"));
        Reply history = rulesApi.get("/v1/ruleset/versions");
        assertConforms(versions, history, 200);
        assertTrue(api.write(history.body()).contains(reloaded.text("version")), show(history));
        for (String body : List.of("{\"version\":\"latest\"}", "{}", "")) {
            Reply malformed = rulesApi.exchange(HttpRequest.POST("/v1/ruleset/rollback", body).contentType(MediaType.APPLICATION_JSON_TYPE));
            assertConforms(rollback, malformed, 400);
            assertEquals(Set.of("version"), invalidFields(malformed), body);
        }
        assertConforms(rollback, rulesApi.exchange(HttpRequest.POST("/v1/ruleset/rollback", "{\"version\":")
                .contentType(MediaType.APPLICATION_JSON_TYPE)), 400);
        assertConforms(rollback, rulesApi.exchange(rollbackTo(UNKNOWN_VERSION)), 404);
        assertConforms(rollback, rulesApi.exchange(HttpRequest.POST("/v1/ruleset/rollback", "{\"version\":\"" + original + "\"}")
                .contentType(MediaType.TEXT_PLAIN_TYPE)), 415);
        workspace.edit("cooperation-stage.drl", "purchaseShare >= 0.80)", "purchaseShare >= 0.85)");
        Reply scenarioFails = rulesApi.exchange(HttpRequest.POST("/v1/ruleset/reload", ""));
        assertConforms(reload, scenarioFails, 422);
        assertTrue(show(scenarioFails).contains("tests/cooperation-stage.yaml"), show(scenarioFails));
        assertConforms(rollback, rulesApi.exchange(rollbackTo(original)), 200);
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
    void theRequestSchemaDescribesExactlyTheFactsOfTheContractAndTheIdempotencyKey() {
        List<String> expected = new ArrayList<>(FactSchema.ofFacts());
        expected.add("requestId: string|null maxLength 64");
        assertEquals(String.join("\n", expected), String.join("\n", FactSchema.ofSpec(SPEC, "AdviceRequest")));
        assertEquals(SPEC.property("AdviceRequest", "customerId").get("pattern"), SPEC.property("AdviceRequest", "requestId").get("pattern"));
        assertEquals("^" + FactField.IDENTIFIER_PATTERN + "$", SPEC.property("AdviceRequest", "requestId").get("pattern"));
    }

    @Test
    void theStoredInputSchemaHasEveryFactInTheOrderOfTheCanonicalInput() {
        assertEquals(String.join("\n", FactSchema.typesOfStoredFacts()), String.join("\n", FactSchema.typesOfSpec(SPEC, "DecisionInput")));
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
    void theRuleFilterTakesExactlyTheRuleIdsThatRuleSetsMayUse() {
        List<Object> patterns = SPEC.operations().stream().flatMap(o -> SPEC.parameters(o).stream())
                .filter(p -> "rule".equals(p.get("name")))
                .map(p -> OpenApiSpec.<Map<String, Object>>cast(p.get("schema")).get("pattern")).toList();
        assertFalse(patterns.isEmpty());
        // An id, alone or followed by the rest of the rule's name.
        patterns.forEach(p -> assertEquals("^" + RuleId.GRAMMAR + "( .*)?$", p));
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

    /**
     * A request the spec says succeeds: its examples (the example of every query parameter too, but
     * for one that excludes others), with a fresh customer, a real decision id and the live rule-set
     * version of the service it goes to.
     */
    private MutableHttpRequest<?> validRequest(Operation operation) {
        HttpMethod method = HttpMethod.parse(operation.method().toUpperCase());
        if (operation.equals(ADVISE)) {
            String body = api.write(adviceExample("strategicAccount", AdviceApi.uniqueCustomer("SPEC")));
            return HttpRequest.create(method, SPEC.examplePath(operation)).body(body).contentType(MediaType.APPLICATION_JSON_TYPE);
        }
        if (operation.equals(ADVISE_BATCH)) {
            return HttpRequest.create(method, SPEC.examplePath(operation)).body(api.write(batchExample()))
                    .contentType(MediaType.APPLICATION_JSON_TYPE);
        }
        if (operation.path().equals(SIMULATIONS) && method == HttpMethod.POST) {
            return simulate();
        }
        if (operation.path().startsWith(ExperimentRequests.PATH)) {
            return ExperimentRequests.valid(rulesApi, operation.method(), operation.path());
        }
        String liveVersion = apiFor(operation).get("/v1/ruleset").text("version");
        if (operation.definition().containsKey("requestBody")) { // the rollback: to the live version
            return rollbackTo(liveVersion);
        }
        String path = SPEC.examplePath(operation);
        if (operation.path().contains("{decisionId}")) {
            String decisionId = api.advise(adviceExample("requiredOnly", AdviceApi.uniqueCustomer("SPEC"))).text("decisionId");
            path = operation.path().replace("{decisionId}", decisionId);
        }
        if (operation.path().contains("{simulationId}")) {
            path = path.replace(SPEC.examplePath(SPEC.operation(SIMULATION, "get")), api.exchange(simulate()).text("location"));
        }
        if (operation.path().contains("{version}")) {
            path = operation.path().replace("{version}", liveVersion);
        }
        UriBuilder uri = UriBuilder.of(path);
        for (Map<String, Object> parameter : SPEC.parameters(operation)) {
            // A parameter that excludes others (x-excludes) is left out; the others' examples are sent.
            if ("query".equals(parameter.get("in")) && !parameter.containsKey("x-excludes")) {
                uri.queryParam(String.valueOf(parameter.get("name")), String.valueOf(parameter.get("example")));
            }
        }
        return HttpRequest.create(method, uri.toString());
    }

    /**
     * Reload, rollback and promotion change the live rule set and write rule files: they go to the
     * service on the copy, and so do the other experiment operations.
     */
    private AdviceApi apiFor(Operation operation) {
        return operation.path().startsWith("/v1/ruleset") || operation.path().startsWith(ExperimentRequests.PATH)
                ? rulesApi : api;
    }

    /** The example of {@code POST /v1/simulations}: a small replay over the test log. */
    private static MutableHttpRequest<String> simulate() {
        return HttpRequest.POST(SIMULATIONS, "{\"from\": \"2026-11-01T00:00:00Z\", \"tier\": \"STRATEGIC\"}")
                .contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    private static MutableHttpRequest<String> rollbackTo(String version) {
        return HttpRequest.POST("/v1/ruleset/rollback", "{\"version\":\"" + version + "\"}")
                .contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    private static MutableHttpRequest<?> withKey(MutableHttpRequest<?> request, String key) {
        return request.header(ApiKeyAuthenticationFetcher.HEADER, key);
    }

    private static String roleOf(String key) {
        return switch (key) {
            case ApiKeyTestFilter.ADVICE_CLIENT -> Roles.ADVICE_CLIENT;
            case ApiKeyTestFilter.AUDITOR -> Roles.AUDITOR;
            case ApiKeyTestFilter.RULES_ADMIN -> Roles.RULES_ADMIN;
            case ApiKeyTestFilter.ANALYST -> Roles.ANALYST;
            case ApiKeyTestFilter.OPERATOR -> Roles.OPERATOR;
            default -> throw new IllegalArgumentException(key);
        };
    }

    private void assertExport(Operation export, Text reply, String mediaType, String fileName) {
        assertEquals(200, reply.status(), reply.body());
        assertTrue(SPEC.contentTypes(export, 200).contains(mediaType), export + " lists " + mediaType);
        assertEquals(mediaType, reply.contentType().split(";")[0].trim());
        assertTrue(reply.contentDisposition() != null && reply.contentDisposition().startsWith("attachment;")
                && reply.contentDisposition().contains("filename=\"" + fileName + "\""), reply.contentDisposition());
    }

    private static Text raw(AdviceApi target, HttpRequest<?> request) {
        return target.exchangeText(request);
    }

    private JsonNode parse(String text) {
        try {
            return json.readValue(text, JsonNode.class);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + text, e);
        }
    }

    /** A request example of the spec with its own customer and, when it has one, its own requestId. */
    private static Map<String, Object> adviceExample(String name, String customerId) {
        Map<String, Object> request = new LinkedHashMap<>(SPEC.requestExample(ADVISE, name));
        request.put("customerId", customerId);
        request.computeIfPresent("requestId", (k, v) -> "req-" + customerId);
        return request;
    }

    /** The batch request example, each of its customers made new (the same one stays the same). */
    private static Map<String, Object> batchExample() {
        String prefix = AdviceApi.uniqueCustomer("SPEC-BATCH");
        List<Map<String, Object>> items = new ArrayList<>();
        for (Object item : (List<?>) SPEC.requestExample(ADVISE_BATCH, "twoCustomers").get("items")) {
            Map<String, Object> request = new LinkedHashMap<>(cast(item));
            request.put("customerId", prefix + "-" + request.get("customerId"));
            items.add(request);
        }
        return Map.of("items", items);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object value) {
        return (Map<String, Object>) value;
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
