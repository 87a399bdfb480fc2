package io.guanxi.decisionlog.write;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import java.util.function.ToDoubleFunction;

/**
 * Shows the appender's own counts as meters, read only when scraped, so that counting costs the
 * appender nothing more: batches committed, decisions committed and refused, decisions waiting.
 */
@Context
@Requires(property = "guanxi.benchmark-in-memory", notEquals = "true")
final class DecisionLogMeters {

    DecisionLogMeters(GroupCommitAppender appender, MeterRegistry registry) {
        count(registry, "guanxi.decisionlog.commits", appender, GroupCommitAppender::commits,
                "Batch transactions of the decision log committed since start");
        count(registry, "guanxi.decisionlog.committed", appender, GroupCommitAppender::committed,
                "Decisions committed to the decision log since start");
        count(registry, "guanxi.decisionlog.refused", appender, GroupCommitAppender::refused,
                "Decisions refused since start because their batch could not be committed");
        Gauge.builder("guanxi.decisionlog.queued", appender, GroupCommitAppender::queued)
                .description("Decisions waiting for the next batch")
                .register(registry);
    }

    private static void count(MeterRegistry registry, String name, GroupCommitAppender appender,
                              ToDoubleFunction<GroupCommitAppender> count, String description) {
        FunctionCounter.builder(name, appender, count).description(description).register(registry);
    }
}
