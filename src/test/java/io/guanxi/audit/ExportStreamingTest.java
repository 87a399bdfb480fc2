package io.guanxi.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guanxi.advice.AdviceApi;
import io.guanxi.decisionlog.chain.BulkDecisions;
import io.guanxi.platform.db.EmbeddedMariaDb;
import io.guanxi.reliability.ForkedService;
import io.guanxi.testing.ApiKeyTestFilter;
import io.guanxi.testing.AuditDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.mariadb.jdbc.MariaDbDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An export streams: 200,000 decisions leave a service whose whole heap is far smaller than the
 * export, run in its own JVM with {@code -Xmx64m}.
 */
class ExportStreamingTest {

    static final int RECORDS = 200_000;
    static final int HEAP_MB = 64;
    private static final Logger LOG = LoggerFactory.getLogger(ExportStreamingTest.class);

    /**
     * The bulk records live in a database of their own (on the shared test server), written after
     * the service started: the shared audit chain never sees them, and the whole database is
     * dropped afterwards.
     */
    @Test
    void twoHundredThousandDecisionsStreamThroughASmallHeap() throws Exception {
        String database = "export_" + UUID.randomUUID().toString().replace("-", "");
        String url = EmbeddedMariaDb.startIn(Path.of("target/test-data")).jdbcUrl(database);
        MariaDbDataSource plain = new MariaDbDataSource(url);
        plain.setUser(AuditDatabase.server().username());
        plain.setPassword(AuditDatabase.server().password());
        String customer = AdviceApi.uniqueCustomer("BULK");
        try (ForkedService service = ForkedService.start(url, HEAP_MB,
                Path.of("target", "export-streaming-service.log"))) {
            String template = advise(service, customer);
            long started = System.nanoTime();
            BulkDecisions bulk = new BulkDecisions(plain, customer);
            bulk.insert(template, RECORDS, UUID.randomUUID().toString().substring(0, 8));
            LOG.info("Inserted {} decisions in {} ms", RECORDS, (System.nanoTime() - started) / 1_000_000);
            assertEquals(RECORDS + 1, bulk.count());
            Download jsonl = download(service.uri("/v1/decisions/export?format=jsonl&customerId=" + customer));
            Download csv = download(service.uri("/v1/decisions/export?format=csv&customerId=" + customer));
            assertEquals(RECORDS + 1, jsonl.lines());
            assertEquals(RECORDS + 2, csv.lines(), "a header and every record");
            assertTrue(jsonl.bytes() > 2L * HEAP_MB * 1024 * 1024,
                    jsonl.bytes() + " bytes: more than twice the service's whole heap");
            assertTrue(service.isAlive(), "the service survived both exports");
            abandon(service.uri("/v1/decisions/export?format=jsonl&customerId=" + customer));
            assertTrue(exportQueryEnds(plain), "an abandoned export releases its query and connection");
        } finally {
            try (var c = plain.getConnection(); var drop = c.createStatement()) {
                drop.execute("DROP DATABASE " + database);
            }
        }
    }

    /** One real decision through the forked service: the template the bulk records copy. */
    private static String advise(ForkedService service, String customer) throws IOException, InterruptedException {
        String body = "{\"customerId\":\"" + customer + "\",\"purchaseShare\":0.3,\"annualRevenue\":500000,"
                + "\"profitMargin\":0.15,\"revenueTrend\":0.05,\"orderCount12m\":12,\"tenureMonths\":24,"
                + "\"segmentSize\":\"MEDIUM\"}";
        HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(service.uri("/v1/advice")).header("Content-Type", "application/json")
                        .header("X-API-Key", ApiKeyTestFilter.ALL_ROLES)
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        int at = response.body().indexOf("\"decisionId\":\"") + 14;
        return response.body().substring(at, response.body().indexOf('"', at));
    }

    private record Download(long lines, long bytes) {
    }

    /** Reads the first megabyte of an export, then hangs up. */
    private static void abandon(URI uri) throws IOException, InterruptedException {
        HttpResponse<InputStream> response = java.net.http.HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(uri).header("X-API-Key", ApiKeyTestFilter.AUDITOR).build(),
                        HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = response.body()) {
            in.readNBytes(1 << 20);
        }
    }

    private static boolean exportQueryEnds(DataSource db) throws Exception {
        String running = "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE INFO LIKE '%d.explanation_json FROM%'"
                + " AND ID <> CONNECTION_ID()";
        for (int i = 0; i < 100; i++) {
            try (var c = db.getConnection(); var q = c.createStatement(); var rs = q.executeQuery(running)) {
                rs.next();
                if (rs.getInt(1) == 0) {
                    LOG.info("The abandoned export's query ended after {} ms", i * 100);
                    return true;
                }
            }
            Thread.sleep(100);
        }
        return false;
    }

    /** Reads the export as it arrives, counting lines and bytes: the test holds none of it either. */
    private static Download download(URI uri) throws IOException, InterruptedException {
        long started = System.nanoTime();
        HttpResponse<InputStream> response = java.net.http.HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(uri).header("X-API-Key", ApiKeyTestFilter.AUDITOR).build(),
                        HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        long lines = 0;
        long bytes = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = response.body()) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                bytes += n;
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        LOG.info("Exported {} lines, {} MB in {} ms from {}", lines, bytes >> 20,
                (System.nanoTime() - started) / 1_000_000, uri);
        return new Download(lines, bytes);
    }
}
