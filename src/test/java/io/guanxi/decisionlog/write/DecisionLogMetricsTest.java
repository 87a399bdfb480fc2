package io.guanxi.decisionlog.write;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.guanxi.advice.AdviceApi;
import io.guanxi.testing.AuditDatabase;
import io.guanxi.testing.Scrape;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import org.junit.jupiter.api.Test;

/**
 * The decision log's meters follow what the appender did: batches committed with their sizes and
 * times, decisions committed and refused, a refusal counted as "log unavailable", and the new
 * connection the appender opens after a failed batch counted as a reconnect.
 */
@MicronautTest(transactional = false)
class DecisionLogMetricsTest {

    @Inject
    EmbeddedServer server;

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    JsonMapper json;

    @Test
    void batchesRefusalsAndReconnectsAreMeasured() throws Exception {
        AdviceApi api = new AdviceApi(client, json);
        Scrape before = Scrape.of(server.getURI());

        for (int i = 0; i < 3; i++) {
            assertEquals(200, api.advise(AdviceApi.validRequest(AdviceApi.uniqueCustomer("LOGMETRICS"))).status());
        }
        try (Connection c = AuditDatabase.connect()) {
            RefusingTrigger.create(c);
            try {
                assertEquals(503, api.advise(AdviceApi.validRequest(AdviceApi.uniqueCustomer("REFUSE"))).status());
            } finally {
                RefusingTrigger.drop(c);
            }
        }
        assertEquals(200, api.advise(AdviceApi.validRequest(AdviceApi.uniqueCustomer("LOGMETRICS"))).status());
        Scrape after = Scrape.of(server.getURI());

        // One request at a time: each committed batch held one decision.
        assertEquals(4, after.since(before, "guanxi_decisionlog_commits_total"));
        assertEquals(4, after.since(before, "guanxi_decisionlog_committed_total"));
        assertEquals(4, after.since(before, "guanxi_decisionlog_batch_size_count"));
        assertEquals(4, after.since(before, "guanxi_decisionlog_batch_size_bucket", "le=1.0"));
        assertEquals(4, after.since(before, "guanxi_decisionlog_batch_duration_seconds_count"));
        assertEquals(1, after.since(before, "guanxi_decisionlog_refused_total"));
        assertEquals(1, after.since(before, "guanxi_decisions_total", "cause=log_unavailable", "status=503"));
        assertEquals(4, after.since(before, "guanxi_decisions_total", "outcome=answered"));
        assertEquals(1, after.since(before, "guanxi_decisionlog_reconnects_total"),
                "the failed batch's connection was dropped and the next batch opened a new one");
        assertEquals(0, after.value("guanxi_decisionlog_queued"));
    }
}
