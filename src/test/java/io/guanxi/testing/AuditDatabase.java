package io.guanxi.testing;

import io.guanxi.audit.api.AuditCommand;
import io.guanxi.platform.db.EmbeddedMariaDb;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Direct SQL on the test database, for what an intruder or an operator would do behind the service's back. */
public final class AuditDatabase {

    private AuditDatabase() {
    }

    /** A database login: user and password. */
    public record Login(String user, String password) {
    }

    /** The test JVM's embedded server (its data under target/test-data). */
    public static EmbeddedMariaDb server() {
        return EmbeddedMariaDb.startIn(Path.of("target/test-data"));
    }

    /**
     * The login of the embedded test server: the one place that names it, for every direct
     * connection a test makes and every forked service it starts on a URL.
     */
    public static Login login() {
        return new Login(server().username(), server().password());
    }

    static String url() {
        return server().jdbcUrl();
    }

    public static Connection connect() throws SQLException {
        return connect(url());
    }

    /** A connection to a database on the embedded test server, with its login. */
    public static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, login().user(), login().password());
    }

    public static long seqOf(String decisionId) throws SQLException {
        try (Connection c = connect();
             PreparedStatement s = c.prepareStatement("SELECT seq FROM decision_record WHERE decision_id = ?")) {
            s.setString(1, decisionId);
            try (ResultSet row = s.executeQuery()) {
                return row.next() ? row.getLong(1) : -1;
            }
        }
    }

    public static String text(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            try (ResultSet row = s.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

    public static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            return s.executeUpdate();
        }
    }

    /** Runs {@code guanxi audit ...} against the test database; returns the exit status, a space and the output. */
    public static String command(String... args) {
        System.setProperty("datasources.default.url", url());
        System.setProperty("datasources.default.username", login().user());
        System.setProperty("datasources.default.password", login().password());
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int status = AuditCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8));
            return status + " " + out.toString(StandardCharsets.UTF_8).trim();
        } finally {
            System.clearProperty("datasources.default.url");
            System.clearProperty("datasources.default.username");
            System.clearProperty("datasources.default.password");
        }
    }
}
