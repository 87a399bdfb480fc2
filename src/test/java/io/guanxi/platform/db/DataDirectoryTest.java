package io.guanxi.platform.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guanxi.testing.TestFiles;
import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The embedded mode's data directory keeps the log wherever it is, refuses to open a fresh log
 * over a lost one, and its database lets in nobody but the service's own account.
 */
class DataDirectoryTest {

    @Test
    void aLogUnderTheSystemTempDirectorySurvivesRestartsInThisProcessAndTheExitOfAnother() throws Exception {
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "guanxi-" + UUID.randomUUID());
        try {
            EmbeddedMariaDb first = EmbeddedMariaDb.startIn(dir);
            try (Connection c = first.connect(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE kept (id INT PRIMARY KEY)");
                s.execute("INSERT INTO kept VALUES (42)");
            }
            first.stop();
            // Another process starts its own server on the directory, and exits (its exit hooks run).
            Process other = guanxi(dir, "audit", "verify");
            assertTrue(other.waitFor(120, TimeUnit.SECONDS), "the command ended");

            EmbeddedMariaDb again = EmbeddedMariaDb.startIn(dir);
            try (Connection c = again.connect(); Statement s = c.createStatement();
                 ResultSet row = s.executeQuery("SELECT id FROM kept")) {
                assertTrue(row.next(), "the row written before both restarts is still there");
                assertEquals(42, row.getInt(1));
            } finally {
                again.stop();
            }
        } finally {
            TestFiles.deleteTree(dir);
        }
    }

    @Test
    void nobodyButTheServiceAccountLogsInAndItsPasswordIsTheOwnersAlone() throws Exception {
        EmbeddedMariaDb db = EmbeddedMariaDb.startIn(Path.of("target/test-data"));
        String url = "jdbc:mariadb://127.0.0.1:" + db.jdbcUrl().replaceAll(".*:(\\d+)/.*", "$1") + "/";

        for (String user : List.of("root", "", "guanxi_owner")) {
            SQLException refused = assertThrows(SQLException.class, () -> DriverManager.getConnection(url, user, ""),
                    "a passwordless login as '" + user + "' is refused");
            assertTrue(refused.getMessage().contains("denied") || refused.getMessage().contains("not allowed"),
                    refused.getMessage());
        }
        try (Connection c = db.connect()) {
            assertTrue(c.isValid(1), "the service's account logs in with the kept password");
        }
        Path password = db.dataDirectory().resolve(DataDirectory.PASSWORD_FILE);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(password)));
    }

    @Test
    void aPasswordFileEditedBeyondTheGeneratedAlphabetIsRefusedNamingIt() throws Exception {
        Path dir = Path.of("target", "edited-password-" + UUID.randomUUID());
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(DataDirectory.PASSWORD_FILE), "secret'; DROP USER x; --");

            IllegalStateException refused = assertThrows(IllegalStateException.class, () -> EmbeddedMariaDb.startIn(dir));

            assertTrue(refused.getMessage().contains(dir.resolve(DataDirectory.PASSWORD_FILE).toAbsolutePath().normalize()
                    .toString()), refused.getMessage());
        } finally {
            TestFiles.deleteTree(dir);
        }
    }

    @Test
    void anEmptyDatabaseWhereALogLivedRefusesToStartNamingTheDirectory() throws Exception {
        Path dir = Path.of("target", "lost-log-" + UUID.randomUUID());
        try {
            try (ApplicationContext service = service(dir)) {
                assertTrue(service.isRunning());
            }
            assertTrue(Files.exists(dir.resolve(DataDirectory.MARKER_FILE)), "the directory notes that a log lives here");
            EmbeddedMariaDb.startIn(dir).stop();
            TestFiles.deleteTree(dir.resolve(DataDirectory.MARIADB_DATA));

            Exception refused = assertThrows(Exception.class, () -> service(dir).close());

            String messages = messages(refused);
            assertTrue(messages.contains(dir.toAbsolutePath().normalize().toString()), messages);
            assertTrue(messages.contains("database is empty") && messages.contains("Refusing to start a new log"),
                    messages);
            assertEquals(0, tableCount(EmbeddedMariaDb.startIn(dir)), "nothing was migrated over the lost log");
        } finally {
            EmbeddedMariaDb.startIn(dir).stop();
            TestFiles.deleteTree(dir);
        }
    }

    @Test
    void theAuditCommandUsesTheServerOfARunningServiceFromTheDataDirectoryAlone() throws Exception {
        // A data directory of its own, migrated by a service that keeps running while the command runs.
        Path dir = Path.of("target/data-directory-audit");
        TestFiles.deleteTree(dir);
        try (ApplicationContext service = service(dir)) {
            Process process = guanxi(dir, "audit", "verify");
            assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the command ended");
            String output = Files.readString(Path.of("target", "data-directory-audit.log"));

            assertEquals(0, process.exitValue(), output);
            assertTrue(output.startsWith("ok "), output);
        } finally {
            EmbeddedMariaDb.startIn(dir).stop();
            TestFiles.deleteTree(dir);
        }
    }

    /** {@code guanxi ARGS} in a process of its own, on this data directory. */
    private static Process guanxi(Path dataDir, String... args) throws IOException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classpath,
                "io.guanxi.Application"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(Path.of("target", "data-directory-" + (args.length == 0 ? "service" : args[0]) + ".log")
                        .toFile());
        builder.environment().put("GUANXI_DATA_DIR", dataDir.toString());
        builder.environment().remove("DATASOURCES_DEFAULT_URL");
        builder.environment().put("MICRONAUT_SERVER_PORT", "0");
        return builder.start();
    }

    @Test
    void aServiceOnADataDirectoryAnotherProcessOwnsRefusesToStartInsteadOfBorrowingItsServer() throws Exception {
        Path dir = Path.of("target/test-data");
        EmbeddedMariaDb.startIn(dir);
        Process service = guanxi(dir);
        assertTrue(service.waitFor(120, TimeUnit.SECONDS), "the service gave up");
        String output = Files.readString(Path.of("target", "data-directory-service.log"));

        assertTrue(service.exitValue() != 0, output);
        assertTrue(output.contains("another process owns it"), output);
    }

    private static ApplicationContext service(Path dataDir) {
        return ApplicationContext.run(Map.of("guanxi.data-dir", dataDir.toString(),
                "guanxi.watch-rules", false,
                "datasources.default.url", ConfiguredDatabase.EMBEDDED), "test");
    }

    private static long tableCount(EmbeddedMariaDb db) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet row = s.executeQuery(
                "SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'guanxi'")) {
            row.next();
            return row.getLong(1);
        }
    }

    private static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}
