package io.guanxi.decisionlog.write;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.guanxi.advice.AdviceApi;
import io.guanxi.decisionlog.chain.ChainEncoding;
import io.guanxi.testing.AuditDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.client.HttpClient;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import java.sql.Connection;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A record written before the chain existed is sealed onto the chain's end when the service starts. */
class LegacyRecordsTest {

    @Test
    void unchainedRecordIsSealedAtStartAndVerifies() throws Exception {
        String legacyId = UUID.randomUUID().toString();
        try (Connection c = AuditDatabase.connect()) {
            AuditDatabase.update(c, "INSERT INTO decision_record (" + ChainEncoding.COLUMNS.replace("seq, ", "").replace(", decision_json", "")
                    + ") VALUES (?, ?, NULL, 'sha256:old', NULL, 'INITIAL', 'NEW', 'FORMATION', 'STANDARD',"
                    + " 'TRANSACTIONAL', '{}', '{}', '[]', '2025-01-01 00:00:00.000', 5, '[]')",
                    legacyId, AdviceApi.uniqueCustomer("LEGACY"));
        }

        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class,
                Map.of("micronaut.server.port", -1), "test");
             HttpClient client = server.getApplicationContext().createBean(HttpClient.class, server.getURL())) {
            AdviceApi api = new AdviceApi(client, server.getApplicationContext().getBean(JsonMapper.class));
            long seq = AuditDatabase.seqOf(legacyId);

            AdviceApi.Reply verified = api.get("/v1/audit/verify?from=" + seq);
            assertEquals(true, verified.body().get("ok").getBooleanValue(), () -> String.valueOf(verified.body()));
            assertEquals(seq, api.get("/v1/audit/head").body().get("seq").getLongValue());
        }
    }
}
