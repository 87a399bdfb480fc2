package io.guanxi.decisionlog;

import io.guanxi.system.EmbeddedMariaDb;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * {@code guanxi audit verify [--from N] [--to N]}: verifies the audit chain from the command line,
 * against the database the service's configuration names, without starting the service. Exit 0
 * when intact, 1 when broken, 2 on a usage or connection error.
 */
public final class AuditCommand {

    private static final String USAGE = "usage: guanxi audit verify [--from N] [--to N]";

    private AuditCommand() {
    }

    /** Runs the command and returns its exit status; {@code out} is the command's own output. */
    public static int run(String[] args, PrintStream out) {
        if (args.length == 0 || !args[0].equals("verify")) {
            out.println(USAGE);
            return 2;
        }
        long from = 1;
        Long to = null;
        try {
            for (int i = 1; i < args.length; i += 2) {
                long value = Long.parseLong(args[i + 1]);
                switch (args[i]) {
                    case "--from" -> from = value;
                    case "--to" -> to = value;
                    default -> throw new IllegalArgumentException(args[i]);
                }
            }
        } catch (RuntimeException e) {
            out.println(USAGE);
            return 2;
        }
        try (Connection c = connect()) {
            c.setReadOnly(true);
            c.setAutoCommit(false);
            Verification result = ChainVerifier.verify(c, from, to);
            c.rollback();
            out.println(result.line());
            return result.ok() ? 0 : 1;
        } catch (SQLException e) {
            out.println("cannot read the decision log: " + e.getMessage());
            return 2;
        }
    }

    /**
     * The configured database (DATASOURCES_DEFAULT_URL and friends, application.yml), read through
     * Micronaut's environment only: no beans start, so neither the rules nor the HTTP server load.
     */
    private static Connection connect() throws SQLException {
        try (ApplicationContext context = ApplicationContext.builder().build()) {
            Environment env = context.getEnvironment().start();
            String url = env.getProperty("datasources.default.url", String.class, "embedded");
            if (url.equals("embedded")) {
                Path dataDir = env.getProperty("guanxi.data-dir", Path.class, Path.of("data"));
                return DriverManager.getConnection(EmbeddedMariaDb.startIn(dataDir).jdbcUrl(), "root", "");
            }
            return DriverManager.getConnection(url, env.getProperty("datasources.default.username", String.class, ""),
                    env.getProperty("datasources.default.password", String.class, ""));
        }
    }
}
