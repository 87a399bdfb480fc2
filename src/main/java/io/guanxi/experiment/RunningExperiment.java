package io.guanxi.experiment;

import io.guanxi.rules.engine.RuleSet;
import io.guanxi.rules.lifecycle.RuleSetArchive;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The experiment running now, as the advice path sees it: read from the database at most once a
 * {@link #REFRESH} per instance (a decision never waits on it otherwise), so instances agree within
 * that time after a start or stop; the instance that starts or stops one sees it at once.
 * <p>
 * An instance that cannot compile the running experiment's challenger (its stored files altered,
 * or rules this build cannot compile) must still answer: it decides as if no experiment ran, so its
 * decisions carry none and no report counts them under an arm they did not get, logs why at ERROR,
 * and tries to compile again every {@link #RETRY}.
 */
@Singleton
class RunningExperiment {

    static final Duration REFRESH = Duration.ofSeconds(1);
    static final Duration RETRY = Duration.ofMinutes(1);
    private static final Logger LOG = LoggerFactory.getLogger(RunningExperiment.class);

    /** The running experiment with its challenger compiled. */
    record Active(Experiment experiment, RuleSet challenger) {
    }

    private record Snapshot(Optional<Active> active, long readAtNanos) {
    }

    /** An experiment whose challenger could not be compiled here, and when to try again. */
    private record Uncompiled(long experimentId, long retryAtNanos) {
    }

    private final ExperimentStore store;
    private final RuleSetArchive archive;
    private volatile Snapshot snapshot = new Snapshot(Optional.empty(), Long.MIN_VALUE);
    private Uncompiled uncompiled;

    RunningExperiment(ExperimentStore store, RuleSetArchive archive) {
        this.store = store;
        this.archive = archive;
    }

    Optional<Active> active() {
        Snapshot s = snapshot;
        return fresh(s) ? s.active() : refreshIfOld();
    }

    /** One thread reads the database; the threads that waited for it take what it read. */
    private synchronized Optional<Active> refreshIfOld() {
        Snapshot s = snapshot;
        return fresh(s) ? s.active() : refresh();
    }

    private static boolean fresh(Snapshot s) {
        return s.readAtNanos() != Long.MIN_VALUE && System.nanoTime() - s.readAtNanos() < REFRESH.toNanos();
    }

    /** Reads the running experiment now; called after a start or stop here, and when the snapshot is old. */
    synchronized Optional<Active> refresh() {
        Optional<Experiment> running = store.running();
        Optional<Active> known = snapshot.active();
        Optional<Active> next = running.flatMap(e -> known.filter(a -> a.experiment().id() == e.id())
                .or(() -> compiled(e)));
        snapshot = new Snapshot(next, System.nanoTime());
        return next;
    }

    /** The experiment with its challenger compiled; empty while it cannot be compiled here. */
    private Optional<Active> compiled(Experiment e) {
        long now = System.nanoTime();
        if (uncompiled != null && uncompiled.experimentId() == e.id() && now - uncompiled.retryAtNanos() < 0) {
            return Optional.empty();
        }
        try {
            Active active = new Active(e, archive.version(e.challengerVersion()));
            uncompiled = null;
            return Optional.of(active);
        } catch (RuntimeException failure) {
            uncompiled = new Uncompiled(e.id(), now + RETRY.toNanos());
            LOG.error("Experiment {} runs, but its challenger {} cannot be compiled on this instance: this instance"
                    + " decides as if no experiment ran (its decisions carry none) and tries again in {} s: {}",
                    e.id(), e.challengerVersion(), RETRY.toSeconds(), failure.getMessage());
            return Optional.empty();
        }
    }
}
