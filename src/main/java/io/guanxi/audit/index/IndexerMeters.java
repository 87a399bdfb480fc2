package io.guanxi.audit.index;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.util.concurrent.atomic.AtomicLong;

/** The audit indexer's meters: how far it is, how much it indexed, how often a round failed. */
@Singleton
final class IndexerMeters {

    private final AtomicLong seq = new AtomicLong();
    private final Counter records;
    private final Counter failures;

    IndexerMeters(MeterRegistry registry) {
        Gauge.builder("guanxi.audit.index.seq", seq, AtomicLong::get)
                .description("The last seq of the audit chain the audit indexes reach")
                .register(registry);
        this.records = Counter.builder("guanxi.audit.index.records")
                .description("Decision records indexed for the audit filters since start")
                .register(registry);
        this.failures = Counter.builder("guanxi.audit.index.failures")
                .description("Indexing rounds that failed (the next retries from the last committed position)")
                .register(registry);
    }

    void indexed(int count, long reachedSeq) {
        records.increment(count);
        seq.set(reachedSeq);
    }

    void failed() {
        failures.increment();
    }
}
