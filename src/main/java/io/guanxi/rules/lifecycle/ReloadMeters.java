package io.guanxi.rules.lifecycle;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.util.Locale;

/**
 * Counts attempts to change the live rule set ({@code guanxi.ruleset.reloads}) by what started them
 * (start-up, file change, API, rollback) and how they ended. Reloads are rare: the counter is
 * looked up when one ends.
 */
@Singleton
final class ReloadMeters {

    /** How an attempt ended. */
    enum Outcome {
        /** A new set went live. */
        ACTIVATED,
        /** The rules on disk are the live version already: nothing to do. */
        UNCHANGED,
        /** It failed the gate (or could not be read); the live set keeps serving. */
        REJECTED,
        /** Another reload or rollback was running. */
        BUSY,
        /** A rollback to a version that never went live here. */
        UNKNOWN_VERSION
    }

    private final MeterRegistry registry;

    ReloadMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    void count(Activation how, Outcome outcome) {
        Counter.builder("guanxi.ruleset.reloads")
                .description("Attempts to change the live rule set, by trigger and outcome")
                .tag("trigger", how.name().toLowerCase(Locale.ROOT))
                .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                .register(registry)
                .increment();
    }
}
