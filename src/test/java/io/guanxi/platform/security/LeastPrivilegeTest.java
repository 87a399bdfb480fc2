package io.guanxi.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guanxi.advice.AdviceApi;
import io.guanxi.platform.db.EmbeddedMariaDb;
import io.guanxi.testing.Poll;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.client.HttpClient;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The least-privilege grants the README documents, applied as written on a MariaDB of their own
 * with privileges enforced: the service runs on them (advice, reads, verification) after the
 * owner migrated the schema, and the service user can neither change nor remove a decision.
 */
class LeastPrivilegeTest {

    private static final String PASSWORD = "least-privilege-test";

    @Test
    void serviceRunsOnTheDocumentedGrantsAndCannotChangeTheLog() throws Exception {
        // A server of its own: the documented service user and its grants stay off the shared test server.
        EmbeddedMariaDb db = EmbeddedMariaDb.startIn(Path.of("target/test-grants"));
        String url = db.jdbcUrl();
        // Only the owner may create the database: the service user connects to it as it is.
        String serviceUrl = url.replace("?createDatabaseIfNotExist=true", "");
        try (Connection root = db.connect()) {
            try (ApplicationContext owner = service(url, db.username(), db.password(), true)) {
                assertTrue(owner.isRunning(), "the owner migrated the schema");
            }
            dropEarlierServiceUser(root);
            for (String statement : documentedGrants()) {
                execute(root, statement.replace("'…'", "'" + PASSWORD + "'"));
            }
        }

        try (ApplicationContext context = service(serviceUrl, "guanxi", PASSWORD, false);
             HttpClient client = context.createBean(HttpClient.class, context.getBean(EmbeddedServer.class).getURL())) {
            AdviceApi api = new AdviceApi(client, context.getBean(JsonMapper.class));
            AdviceApi.Reply advice = api.advise(AdviceApi.validRequest(AdviceApi.uniqueCustomer("GRANTS")));
            assertEquals(200, advice.status(), () -> api.write(advice.body()));
            assertEquals(200, api.get("/v1/decisions/" + advice.text("decisionId")).status());
            assertEquals(true, api.get("/v1/audit/verify").body().get("ok").getBooleanValue());
            // The audit indexer writes its derived tables with the same grants.
            api.awaitIndexed("the audit indexer reaches the head on the documented grants");
            assertEquals("DONE", simulated(api), "a simulation reads the log and keeps its report");
        }

        try (Connection service = DriverManager.getConnection(serviceUrl, "guanxi", PASSWORD);
             Statement s = service.createStatement()) {
            SQLException update = assertThrows(SQLException.class,
                    () -> s.executeUpdate("UPDATE decision_record SET tier = 'STRATEGIC'"));
            assertTrue(update.getMessage().contains("UPDATE command denied"), update.getMessage());
            SQLException delete = assertThrows(SQLException.class, () -> s.executeUpdate("DELETE FROM decision_record"));
            assertTrue(delete.getMessage().contains("DELETE command denied"), delete.getMessage());
            assertTrue(s.executeQuery("SELECT 1 FROM decision_record LIMIT 1").next(), "it reads the log");
        }
    }

    /** Replays the log with the live rules; the state the simulation ends in. */
    private static String simulated(AdviceApi api) {
        String location = api.exchange(io.micronaut.http.HttpRequest.POST("/v1/simulations", "{}")).text("location");
        return Poll.until("the simulation ends", Duration.ofMinutes(1), () -> api.get(location).text("state"),
                state -> !state.equals("RUNNING"));
    }

    private static ApplicationContext service(String url, String user, String password, boolean migrate) {
        return ApplicationContext.run(EmbeddedServer.class, Map.of(
                "micronaut.server.port", -1,
                "guanxi.data-dir", "target/test-grants",
                "guanxi.watch-rules", false,
                "datasources.default.url", url,
                "datasources.default.username", user,
                "datasources.default.password", password,
                "flyway.datasources.default.enabled", migrate), "test").getApplicationContext();
    }

    /** A user left by an earlier run of this test goes, so the README's CREATE USER runs as written. */
    private static void dropEarlierServiceUser(Connection root) throws SQLException {
        execute(root, "DROP USER IF EXISTS 'guanxi'@'%'");
    }

    /** The SQL block of the README's least-privilege paragraph, statement by statement. */
    private static List<String> documentedGrants() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        Matcher block = Pattern.compile("\\*\\*Least privilege\\.\\*\\*.*?```sql\\n(.*?)```", Pattern.DOTALL)
                .matcher(readme);
        assertTrue(block.find(), "README has the least-privilege grants");
        List<String> statements = new ArrayList<>();
        for (String line : block.group(1).split("\\n")) {
            String sql = line.replaceAll("--.*$", "").trim();
            if (!sql.isEmpty()) {
                statements.add(sql.replaceAll(";$", ""));
            }
        }
        assertTrue(statements.size() > 5, () -> "grants found: " + statements);
        return statements;
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
