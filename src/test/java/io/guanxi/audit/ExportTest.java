package io.guanxi.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guanxi.advice.AdviceApi;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An auditor exports every matching decision whole, as JSON lines or as CSV. */
@MicronautTest(transactional = false)
class ExportTest {

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    JsonMapper json;

    @Test
    void jsonLinesCarryTheFullRecordOfEachDecision() throws IOException {
        AdviceApi api = new AdviceApi(client, json);
        String customer = AdviceApi.uniqueCustomer("EXJ");
        List<String> ids = decide(api, customer, 3);

        HttpResponse<String> export = get("/v1/decisions/export?format=jsonl&customerId=" + customer);

        assertEquals(200, export.code());
        assertEquals("application/x-ndjson", export.getContentType().orElseThrow().toString());
        String body = export.body();
        assertTrue(body.endsWith("\n"));
        String[] lines = body.split("\n");
        assertEquals(3, lines.length);
        for (int i = 0; i < 3; i++) {
            JsonNode line = json.readValue(lines[i], JsonNode.class);
            JsonNode stored = api.get("/v1/decisions/" + ids.get(i)).body();
            assertEquals(ids.get(i), line.get("decisionId").getStringValue());
            assertEquals(stored.get("input"), line.get("input"));
            assertEquals(stored.get("output"), line.get("output"));
            assertEquals(stored.get("firedRules"), line.get("firedRules"));
            assertEquals(api.get("/v1/decisions/" + ids.get(i) + "/explanation").body().get("explanations"),
                    line.get("explanations"));
        }
    }

    @Test
    void csvHasAHeaderAndEscapesCommasQuotesAndLineBreaks() throws IOException {
        AdviceApi api = new AdviceApi(client, json);
        String customer = AdviceApi.uniqueCustomer("EXC");
        Map<String, Object> request = AdviceApi.validRequest(customer);
        request.put("industry", "机械, \"重工\"\n制造");
        String id = api.advise(request).text("decisionId");

        HttpResponse<String> export = get("/v1/decisions/export?customerId=" + customer + "&format=csv");

        assertEquals(200, export.code());
        assertTrue(export.getContentType().orElseThrow().toString().startsWith("text/csv"));
        List<List<String>> rows = Rfc4180.parse(export.body());
        assertEquals(List.of(CsvRows.HEADER), List.of(rows.get(0).toArray()));
        assertEquals(2, rows.size());
        List<String> row = rows.get(1);
        assertEquals(id, row.get(0));
        assertEquals("", row.get(2), "no requestId: an empty field");
        JsonNode input = json.readValue(row.get(13), JsonNode.class);
        assertEquals("机械, \"重工\"\n制造", input.get("industry").getStringValue());
        assertEquals(api.get("/v1/decisions/" + id).body().get("output"), json.readValue(row.get(14), JsonNode.class));
    }

    @Test
    void exportIsNotTakenForADecisionIdAndRefusesBadParameters() {
        AdviceApi api = new AdviceApi(client, json);

        AdviceApi.Reply empty = api.get("/v1/decisions/export?customerId=" + AdviceApi.uniqueCustomer("NONE"));
        AdviceApi.Reply bad = api.get("/v1/decisions/export?format=xml&limit=5");

        assertEquals(200, empty.status());
        assertEquals(400, bad.status());
        List<String> fields = new ArrayList<>();
        bad.body().get("errors").values().forEach(e -> fields.add(e.get("field").getStringValue()));
        assertEquals(List.of("limit", "format"), fields);
    }

    private HttpResponse<String> get(String path) {
        return client.toBlocking().exchange(HttpRequest.GET(path), String.class);
    }

    private static List<String> decide(AdviceApi api, String customer, int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(api.advise(AdviceApi.validRequest(customer)).text("decisionId"));
        }
        return ids;
    }
}
