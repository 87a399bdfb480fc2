package io.guanxi.decisionlog;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;

/**
 * Shows the appender's own counts as meters, read only when scraped, so that counting costs the
 * appender nothing more: batches committed, decisions committed and refused, decisions waiting.
 */
@Context
@Requires(property = "guanxi.benchmark-in-memory", notEquals = "true")
final class DecisionLogMeters {

    DecisionLogMeters(GroupCommitAppender appender, MeterRegistry registry) {
        FunctionCounter.builder("guanxi.decisionlog.commits", appender, GroupCommitAppender::commits)
                .description("Batch transactions of the decision log committed since start")
                .register(registry);
        FunctionCounter.builder("guanxi.decisionlog.committed", appender, GroupCommitAppender::committed)
                .description("Decisions committed to the decision log since start")
                .register(registry);
        FunctionCounter.builder("guanxi.decisionlog.refused", appender, GroupCommitAppender::refused)
                .description("Decisions refused since start because their batch could not be committed")
                .register(registry);
        Gauge.builder("guanxi.decisionlog.queued", appender, GroupCommitAppender::queued)
                .description("Decisions waiting for the next batch")
                .register(registry);
    }
}
