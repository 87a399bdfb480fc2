package io.guanxi.platform.db;

import io.guanxi.platform.GuanxiConfiguration;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import java.nio.file.Path;

/**
 * What operations watch of the embedded MariaDB: whether it runs ({@code guanxi.database.up}) and how
 * often its supervisor had to start it again ({@code guanxi.database.restarts}).
 */
@Context
@Requires(property = "datasources.default.url", value = ConfiguredDatabase.EMBEDDED)
@Requires(bean = MeterRegistry.class)
final class EmbeddedDatabaseMeters {

    EmbeddedDatabaseMeters(MeterRegistry registry, GuanxiConfiguration configuration) {
        Path dataDir = configuration.getDataDir();
        FunctionCounter.builder("guanxi.database.restarts", dataDir, dir -> EmbeddedMariaDb.startIn(dir).restarts())
                .description("Times the embedded MariaDB's process died and was started again on the same data")
                .register(registry);
        Gauge.builder("guanxi.database.up", dataDir, dir -> EmbeddedMariaDb.startIn(dir).isUp() ? 1 : 0)
                .description("1 while the embedded MariaDB runs, 0 while its process is dead or starting again")
                .register(registry);
    }
}
