package io.guanxi.simulation;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sign of life of the simulations running on this instance, so that any instance can tell a
 * run that is going on from one that stopped with its instance (see V14).
 */
@Singleton
class Heartbeat {

    /** How often a running simulation's heartbeat is written. */
    static final String EVERY = "5s";
    /** After how long without a heartbeat a RUNNING simulation counts as stopped: many beats missed. */
    static final Duration SILENT = Duration.ofMinutes(1);

    private static final Logger LOG = LoggerFactory.getLogger(Heartbeat.class);

    private final Simulations simulations;
    private final SimulationStore store;
    private final Clock clock;

    Heartbeat(Simulations simulations, SimulationStore store, Clock clock) {
        this.simulations = simulations;
        this.store = store;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = EVERY, initialDelay = EVERY)
    void beat() {
        Set<String> running = simulations.runningHere();
        if (running.isEmpty()) {
            return;
        }
        try {
            store.beat(running, clock.instant());
        } catch (RuntimeException e) {
            // The next beat tries again; a minute of missed beats would let a reader mark the run failed.
            LOG.warn("The heartbeat of simulations {} could not be written: {}", running, e.toString());
        }
    }

    /** Marks failed the runs whose instance stopped; called before a simulation is shown. */
    void abandonSilent() {
        store.abandonSilent(clock.instant().minus(SILENT));
    }
}
