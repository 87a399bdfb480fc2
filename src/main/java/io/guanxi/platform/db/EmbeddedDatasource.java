package io.guanxi.platform.db;

import io.guanxi.platform.GuanxiConfiguration;
import io.guanxi.platform.security.GeneratedApiKeys;
import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.BeanInitializedEventListener;
import io.micronaut.context.event.BeanInitializingEvent;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Points the default datasource at the embedded MariaDB when no database is configured
 * (DATASOURCES_DEFAULT_URL unset): the zero-setup default. With a URL configured, nothing starts.
 * Refuses to open a fresh, empty log where the data directory shows that a log lived before.
 */
@Singleton
final class EmbeddedDatasource implements BeanInitializedEventListener<DatasourceConfiguration>,
        ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatasource.class);

    private final GuanxiConfiguration configuration;

    private final String datasourceUrl;

    EmbeddedDatasource(GuanxiConfiguration configuration,
                       @Value("${datasources.default.url:" + ConfiguredDatabase.EMBEDDED + "}") String datasourceUrl) {
        this.configuration = configuration;
        this.datasourceUrl = datasourceUrl;
    }

    @Override
    public DatasourceConfiguration onInitialized(BeanInitializingEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration datasource = event.getBean();
        ConfiguredDatabase.ofService(datasource.getUrl(), configuration.getDataDir()).ifPresent(db -> {
            LOG.info("No database configured (DATASOURCES_DEFAULT_URL): started the embedded MariaDB");
            refuseALostLog(db);
            datasource.setUrl(db.jdbcUrl());
            datasource.setUsername(db.username());
            datasource.setPassword(db.password());
        });
        return datasource;
    }

    /** Once the schema is migrated, the data directory notes that a log lives here. */
    @Override
    public void onApplicationEvent(StartupEvent event) {
        ConfiguredDatabase.ofService(datasourceUrl, configuration.getDataDir())
                .filter(EmbeddedDatasource::hasSchema)
                .ifPresent(db -> db.directory().markLog());
    }

    /**
     * An empty database where the data directory shows a previous log means the log was lost (its
     * files deleted or replaced): opening a fresh one over it would hide that from every auditor.
     */
    private static void refuseALostLog(EmbeddedMariaDb db) {
        DataDirectory directory = db.directory();
        if (directory.hadALog() && !hasSchema(db)) {
            throw new IllegalStateException("The data directory " + directory.root() + " held a decision log ("
                    + DataDirectory.MARKER_FILE + " or " + GeneratedApiKeys.FILE + " is there), but its database"
                    + " is empty: the log's files under " + DataDirectory.MARIADB_DATA + "/ were lost or replaced."
                    + " Refusing to start a new log over it. Restore " + DataDirectory.MARIADB_DATA + "/ from a"
                    + " backup, or move the whole directory away to start a new log on purpose.");
        }
    }

    private static boolean hasSchema(EmbeddedMariaDb db) {
        try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement(
                "SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?")) {
            s.setString(1, EmbeddedMariaDb.DATABASE);
            try (ResultSet row = s.executeQuery()) {
                return row.next() && row.getLong(1) > 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the embedded MariaDB in " + db.dataDirectory() + ": "
                    + e.getMessage(), e);
        }
    }
}
