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

    private record Range(long from, Long to) {
    }

    /** Runs the command and returns its exit status; {@code out} is the command's own output. */
    public static int run(String[] args, PrintStream out) {
        Range range = parse(args);
        if (range == null) {
            out.println(USAGE);
            return 2;
        }
        try (Connection c = connect()) {
            c.setReadOnly(true);
            c.setAutoCommit(false);
            Verification result = ChainVerifier.verify(c, range.from(), range.to());
            c.rollback();
            out.println(result.line());
            return result.ok() ? 0 : 1;
        } catch (SQLException e) {
            out.println("cannot read the decision log: " + e.getMessage());
            return 2;
        }
    }

    /** {@code verify [--from N] [--to N]}, or null when the arguments are anything else. */
    private static Range parse(String[] args) {
        if (args.length == 0 || !args[0].equals("verify") || args.length % 2 == 0) {
            return null;
        }
        long from = 1;
        Long to = null;
        for (int i = 1; i < args.length; i += 2) {
            try {
                long value = Long.parseLong(args[i + 1]);
                switch (args[i]) {
                    case "--from" -> from = value;
                    case "--to" -> to = value;
                    default -> {
                        return null;
                    }
                }
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return from < 1 || (to != null && to < from) ? null : new Range(from, to);
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
                return EmbeddedMariaDb.startIn(dataDir).connect();
            }
            return DriverManager.getConnection(url, env.getProperty("datasources.default.username", String.class, ""),
                    env.getProperty("datasources.default.password", String.class, ""));
        }
    }
}
