package io.guanxi.advice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guanxi.customer.CustomerStateRepository;
import io.guanxi.decisionlog.chain.DecisionRecordRepository;
import io.guanxi.testing.ApiKeyTestFilter;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad input is refused with 400 problem+json naming every offending field, and writes nothing. */
@MicronautTest(transactional = false)
class InvalidInputTest {

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    JsonMapper json;
    @Inject
    DecisionRecordRepository decisions;
    @Inject
    CustomerStateRepository states;
    @Inject
    EmbeddedServer server;

    private AdviceApi api;
    private String customer;

    @BeforeEach
    void setUp() {
        api = new AdviceApi(client, json);
        customer = AdviceApi.uniqueCustomer("BAD");
    }

    /** Replaces one field's JSON text in an otherwise valid body. */
    private String bodyWith(String field, String jsonValue) {
        String valid = api.write(AdviceApi.validRequest(customer));
        String withField = valid.substring(0, valid.length() - 1) + ",\"" + field + "\":" + jsonValue + "}";
        return withField.replaceFirst("\"" + field + "\":[^,}]*,", "");
    }

    @ParameterizedTest(name = "{0} = {1} is refused")
    @CsvSource(delimiter = '|', value = {
            "purchaseShare     | 1.0001",
            "purchaseShare     | -0.0001",
            "purchaseShare     | \"0.5\"",
            "purchaseShare     | true",
            "purchaseShare     | null",
            "purchaseShare     | [0.5]",
            "purchaseShare     | {\"v\":0.5}",
            "annualRevenue     | 1000000000000001",
            "annualRevenue     | -1",
            "annualRevenue     | 1e9999999999",
            "profitMargin      | -1e-9999999999",
            "orderCount12m     | 2E-9999999999",
            "profitMargin      | 1.5",
            "profitMargin      | -1.01",
            "revenueTrend      | 10.01",
            "revenueTrend      | -1.5",
            "orderCount12m     | 2.5",
            "orderCount12m     | 6.0000000000000000001",
            "orderCount12m     | 1000001",
            "orderCount12m     | -1",
            "orderCount12m     | \"12\"",
            "tenureMonths      | 1201",
            "segmentSize       | \"many\"",
            "segmentSize       | 3",
            "satisfaction      | 0.9",
            "satisfaction      | 5.01",
            "openComplaints    | 10001",
            "openComplaints    | 1.5",
            "paymentOnTimeRate | 1.2",
            "strategicIndustry | \"yes\"",
            "strategicIndustry | 1",
            "customerId        | \"has space\"",
            "customerId        | \"\"",
            "customerId        | 42",
            "requestId         | \"r/1\"",
            "requestId         | \"\"",
            "industry          | 7",
            "paymentOntimeRate | 0.9",
    })
    void fieldViolationIsNamedAndNothingIsWritten(String field, String jsonValue) {
        AdviceApi.Reply reply = api.postRaw(bodyWith(field, jsonValue), "application/json");

        assertProblem(reply, 400);
        assertEquals(Set.of(field), fieldsOf(reply), api.write(reply.body()));
        assertNothingWritten();
    }

    @ParameterizedTest(name = "{0} accepted as a whole number")
    @ValueSource(strings = {"6", "6.0", "6e0", "60E-1"})
    void integralNumbersAreAcceptedForIntegerFields(String value) {
        assertEquals(200, api.postRaw(bodyWith("tenureMonths", value), "application/json").status());
    }

    @ParameterizedTest(name = "body [{0}] is refused: {1}")
    @CsvSource(delimiter = '|', value = {
            "''                         | empty",
            "'   '                      | empty",
            "'{\"customerId\":'         | malformed",
            "'[1,2]'                    | object",
            "'\"text\"'                 | object",
            "'null'                     | object",
            "'{} {}'                    | nothing after it",
    })
    void bodyThatIsNotOneObjectIsRefusedAsAWhole(String body, String detailMentions) {
        AdviceApi.Reply reply = api.postRaw(body, "application/json");

        assertProblem(reply, 400);
        assertEquals(0, reply.body().get("errors").size());
        assertTrue(reply.text("detail").contains(detailMentions), reply.text("detail"));
    }

    @Test
    void bodyNestedDeeperThanTheReaderGoesIsRefusedAsAWhole() {
        String body = api.write(AdviceApi.validRequest(customer)).replace("}", ",\"industry\":" + "[".repeat(1001) + "]".repeat(1001) + "}");

        AdviceApi.Reply reply = api.postRaw(body, "application/json");

        assertProblem(reply, 400);
        assertEquals(0, reply.body().get("errors").size());
        assertTrue(reply.text("detail").contains("nesting depth (1001) exceeds the maximum allowed (1000)"), reply.text("detail"));
        assertNothingWritten();
    }

    @Test
    void everyViolationIsListedAtOnce() {
        Map<String, Object> body = AdviceApi.validRequest(customer);
        body.remove("segmentSize");
        body.put("purchaseShare", 2);
        body.put("tenureMonths", "24");
        body.put("colour", "red");

        AdviceApi.Reply reply = api.advise(body);

        assertProblem(reply, 400);
        assertEquals(Set.of("segmentSize", "purchaseShare", "tenureMonths", "colour"), fieldsOf(reply));
        assertNothingWritten();
    }

    @Test
    void fieldGivenTwiceIsRefused() {
        String body = api.write(AdviceApi.validRequest(customer)).replace("\"purchaseShare\":0.3",
                "\"purchaseShare\":0.3,\"purchaseShare\":0.9");

        AdviceApi.Reply reply = api.postRaw(body, "application/json");

        assertProblem(reply, 400);
        assertEquals(Set.of("purchaseShare"), fieldsOf(reply));
        assertNothingWritten();
    }

    @Test
    void bodyOver64KiBIsRefusedWith413() {
        String padding = "x".repeat(70_000);
        Map<String, Object> body = AdviceApi.validRequest(customer);
        body.put("industry", padding);

        assertProblem(api.advise(body), 413);
        assertNothingWritten();
    }

    @ParameterizedTest(name = "content type {0} is refused with 415")
    @ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded", "application/xml"})
    void nonJsonContentTypeIsRefused(String contentType) {
        assertProblem(api.postRaw(api.write(AdviceApi.validRequest(customer)), contentType), 415);
        assertNothingWritten();
    }

    @Test
    void bodyWithoutContentTypeIsRefused() throws Exception {
        // The JDK client, unlike Micronaut's, sends no Content-Type unless told to.
        HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(server.getURI().resolve("/v1/advice"))
                        .header("X-API-Key", ApiKeyTestFilter.ALL_ROLES)
                        .POST(HttpRequest.BodyPublishers.ofString(api.write(AdviceApi.validRequest(customer))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(415, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertNothingWritten();
    }

    private static void assertProblem(AdviceApi.Reply reply, int status) {
        assertEquals(status, reply.status(), () -> String.valueOf(reply.body()));
        assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
        assertEquals(status, reply.body().get("status").getIntValue());
        assertTrue(reply.text("type").startsWith("urn:guanxi:problem:"));
        assertTrue(reply.text("title") != null && reply.text("detail") != null);
        String text = String.valueOf(reply.body().get("detail").getStringValue()) + reply.body().get("title").getStringValue();
        assertTrue(!text.contains("Exception") && !text.contains("\tat "), "no stack trace or exception name: " + text);
    }

    private static Set<String> fieldsOf(AdviceApi.Reply reply) {
        Set<String> fields = new HashSet<>();
        for (JsonNode error : reply.body().get("errors").values()) {
            fields.add(error.get("field").getStringValue());
            assertTrue(!error.get("message").getStringValue().isBlank());
        }
        return fields;
    }

    private void assertNothingWritten() {
        assertEquals(0, decisions.countByCustomerId(customer), "no decision record");
        assertTrue(states.findById(customer).isEmpty(), "no customer state");
    }
}
