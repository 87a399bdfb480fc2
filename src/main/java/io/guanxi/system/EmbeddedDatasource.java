package io.guanxi.system;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.event.BeanInitializedEventListener;
import io.micronaut.context.event.BeanInitializingEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Points the default datasource at the embedded MariaDB when no database is configured
 * (DATASOURCES_DEFAULT_URL unset): the zero-setup default. With a URL configured, nothing starts.
 */
@Singleton
final class EmbeddedDatasource implements BeanInitializedEventListener<DatasourceConfiguration> {

    /** The URL the configuration carries when DATASOURCES_DEFAULT_URL is not set. */
    static final String EMBEDDED = "embedded";
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatasource.class);

    private final GuanxiConfiguration configuration;

    EmbeddedDatasource(GuanxiConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public DatasourceConfiguration onInitialized(BeanInitializingEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration datasource = event.getBean();
        if (EMBEDDED.equals(datasource.getUrl())) {
            LOG.info("No database configured (DATASOURCES_DEFAULT_URL): starting the embedded MariaDB");
            EmbeddedMariaDb db = EmbeddedMariaDb.startIn(configuration.getDataDir());
            datasource.setUrl(db.jdbcUrl());
            datasource.setUsername("root");
            datasource.setPassword("");
        }
        return datasource;
    }
}
