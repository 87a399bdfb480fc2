package io.guanxi.decisionlog.write;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.guanxi.advice.AdviceApi;
import io.guanxi.decisionlog.chain.ChainEncoding;
import io.guanxi.testing.AuditDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.client.HttpClient;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.sql.Connection;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A record written before the chain existed is sealed onto the chain's end when the service starts. */
class LegacyRecordsTest {

    /** Renderings no rule set would give: they can only have been read as stored. */
    private static final String OUTPUT = "{\"tier\":{\"code\":\"STANDARD\",\"label\":\"as stored\"}}";
    private static final String FIRED = "[\"OLD-1 a rule of a set long gone\"]";
    private static final String EXPLANATION = "[{\"output\":\"tier\",\"code\":\"STANDARD\",\"rules\":[]}]";

    @Test
    void unchainedRecordIsSealedAtStartVerifiesAndReadsAsStored() throws Exception {
        String legacyId = UUID.randomUUID().toString();
        try (Connection c = AuditDatabase.connect()) {
            // A record from before the chain: none of the columns from decision_json (V8) on.
            String legacyColumns = ChainEncoding.COLUMNS.substring(0, ChainEncoding.COLUMNS.indexOf(", decision_json"));
            AuditDatabase.update(c, "INSERT INTO decision_record (" + legacyColumns.replace("seq, ", "")
                    + ") VALUES (?, ?, NULL, 'sha256:old', NULL, 'INITIAL', 'NEW', 'FORMATION', 'STANDARD',"
                    + " 'TRANSACTIONAL', '{}', ?, ?, '2025-01-01 00:00:00.000', 5, ?)",
                    legacyId, AdviceApi.uniqueCustomer("LEGACY"), OUTPUT, FIRED, EXPLANATION);
        }

        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class,
                Map.of("micronaut.server.port", -1), "test");
             HttpClient client = server.getApplicationContext().createBean(HttpClient.class, server.getURL())) {
            JsonMapper json = server.getApplicationContext().getBean(JsonMapper.class);
            AdviceApi api = new AdviceApi(client, json);
            long seq = AuditDatabase.seqOf(legacyId);

            AdviceApi.Reply verified = api.get("/v1/audit/verify?from=" + seq);
            assertEquals(true, verified.body().get("ok").getBooleanValue(), () -> String.valueOf(verified.body()));
            assertEquals(seq, api.get("/v1/audit/head").body().get("seq").getLongValue());
            AdviceApi.Reply view = api.get("/v1/decisions/" + legacyId);
            assertEquals(api.get("/v1/decisions/" + legacyId + "/explanation").body().get("explanations"),
                    tree(json, EXPLANATION), "a record that holds its renderings reads as stored");
            assertEquals(tree(json, OUTPUT), view.body().get("output"));
            assertEquals(tree(json, FIRED), view.body().get("firedRules"));
        }
    }

    private static JsonNode tree(JsonMapper json, String text) throws IOException {
        return json.readValue(text, JsonNode.class);
    }
}
