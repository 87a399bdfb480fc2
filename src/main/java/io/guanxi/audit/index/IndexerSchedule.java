package io.guanxi.audit.index;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the audit indexer a short while after each catch-up, so that the indexes stay a fraction of
 * a second behind the chain ({@code guanxi.audit.indexer.interval}, default 200 ms). A failed round
 * (the database gone, say) is logged once per run of failures and retried at the next tick.
 * {@code guanxi.audit.indexer.enabled=false} stops it: queries stay exact, reading the whole
 * unindexed part of the chain.
 */
@Singleton
@Requires(property = "guanxi.benchmark-in-memory", notEquals = "true")
@Requires(property = "guanxi.audit.indexer.enabled", notEquals = "false")
class IndexerSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(IndexerSchedule.class);

    private final DecisionIndexer indexer;
    private final IndexerMeters meters;
    private boolean failing;

    IndexerSchedule(DecisionIndexer indexer, IndexerMeters meters) {
        this.indexer = indexer;
        this.meters = meters;
    }

    @Scheduled(initialDelay = "1s", fixedDelay = "${guanxi.audit.indexer.interval:200ms}")
    void follow() {
        try {
            long indexed = indexer.catchUp();
            if (failing) {
                LOG.info("The audit indexer works again ({} record(s) indexed on resuming)", indexed);
                failing = false;
            }
        } catch (SQLException | RuntimeException e) {
            meters.failed();
            if (!failing) {
                LOG.warn("The audit indexer could not index the chain; it retries, and audit queries read the"
                        + " unindexed records from the chain meanwhile: {}", e.getMessage(), e);
                failing = true;
            }
        }
    }
}
