package io.guanxi.platform.db;

import io.guanxi.platform.GuanxiConfiguration;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The database the configuration names: the JDBC URL in DATASOURCES_DEFAULT_URL or, when it is
 * unset ({@value #EMBEDDED}), the embedded MariaDB of the data directory. The service and the
 * command-line tools reach it through here, so they always agree on which database that is.
 */
public final class ConfiguredDatabase {

    /** The URL the configuration carries when DATASOURCES_DEFAULT_URL is not set. */
    public static final String EMBEDDED = "embedded";

    private ConfiguredDatabase() {
    }

    /** The embedded server the service runs on (its own, never another process's); empty when a URL is configured. */
    static Optional<EmbeddedMariaDb> ofService(String url, Path dataDir) {
        return EMBEDDED.equals(url) ? Optional.of(EmbeddedMariaDb.startIn(dataDir)) : Optional.empty();
    }

    /**
     * A connection for a command run beside the service, from the configuration alone (application.yml
     * and the environment; no bean starts, so neither the rules nor the HTTP server load). The embedded
     * database is reached through the server a running service owns, or one started here.
     */
    public static Connection connectFromTool() throws SQLException {
        try (ApplicationContext context = ApplicationContext.builder().build()) {
            Environment env = context.getEnvironment().start();
            String url = env.getProperty("datasources.default.url", String.class, EMBEDDED);
            if (EMBEDDED.equals(url)) {
                Path dataDir = env.getProperty("guanxi.data-dir", Path.class, GuanxiConfiguration.DEFAULT_DATA_DIR);
                return EmbeddedMariaDb.attachOrStartIn(dataDir).connect();
            }
            return DriverManager.getConnection(url, env.getProperty("datasources.default.username", String.class, ""),
                    env.getProperty("datasources.default.password", String.class, ""));
        }
    }
}
