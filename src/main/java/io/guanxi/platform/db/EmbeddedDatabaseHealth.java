package io.guanxi.platform.db;

import io.guanxi.platform.GuanxiConfiguration;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.Map;
import org.reactivestreams.Publisher;

/**
 * Is the embedded MariaDB running? DOWN at once while its process is dead or being started again
 * (the datasource's own check would first wait for a connection), so {@code /health} answers 503.
 */
@Singleton
@Requires(property = "datasources.default.url", value = ConfiguredDatabase.EMBEDDED)
final class EmbeddedDatabaseHealth implements HealthIndicator {

    private final Path dataDir;

    EmbeddedDatabaseHealth(GuanxiConfiguration configuration) {
        this.dataDir = configuration.getDataDir();
    }

    @Override
    public Publisher<HealthResult> getResult() {
        EmbeddedMariaDb db = EmbeddedMariaDb.startIn(dataDir);
        return Publishers.just(HealthResult.builder("embeddedDatabase", db.isUp() ? HealthStatus.UP : HealthStatus.DOWN)
                .details(Map.of("restarts", db.restarts()))
                .build());
    }
}
