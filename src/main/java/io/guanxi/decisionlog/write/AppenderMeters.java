package io.guanxi.decisionlog.write;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * What the decision-log appender records as it works, once a batch (never once a request): how
 * many decisions each batch held ({@code guanxi.decisionlog.batch.size}), how long it took from its
 * start to its commit ({@code guanxi.decisionlog.batch.duration}), and how often its connection had
 * to be opened again after a failure ({@code guanxi.decisionlog.reconnects}).
 */
@Singleton
final class AppenderMeters {

    private final DistributionSummary batchSize;
    private final Timer batchDuration;
    private final Counter reconnects;

    AppenderMeters(MeterRegistry registry) {
        this.batchSize = DistributionSummary.builder("guanxi.decisionlog.batch.size")
                .description("Decisions in each committed batch of the decision log")
                .serviceLevelObjectives(1, 2, 4, 8, 16, 32, 64, GroupCommitAppender.MAX_BATCH)
                .register(registry);
        this.batchDuration = Timer.builder("guanxi.decisionlog.batch.duration")
                .description("Time from a batch's start to its commit")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
        this.reconnects = Counter.builder("guanxi.decisionlog.reconnects")
                .description("Connections the appender opened to replace one that failed or went stale")
                .register(registry);
    }

    void committed(int decisions, long nanos) {
        batchSize.record(decisions);
        batchDuration.record(nanos, TimeUnit.NANOSECONDS);
    }

    void reconnected() {
        reconnects.increment();
    }
}
