package io.guanxi.experiment;

import io.guanxi.rules.engine.RuleSet;
import io.guanxi.rules.lifecycle.RuleSetArchive;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;

/**
 * The experiment running now, as the advice path sees it: read from the database at most once a
 * {@link #REFRESH} per instance (a decision never waits on it otherwise), so instances agree within
 * that time after a start or stop; the instance that starts or stops one sees it at once.
 */
@Singleton
class RunningExperiment {

    static final Duration REFRESH = Duration.ofSeconds(1);

    /** The running experiment with its challenger compiled. */
    record Active(Experiment experiment, RuleSet challenger) {
    }

    private record Snapshot(Optional<Active> active, long readAtNanos) {
    }

    private final ExperimentStore store;
    private final RuleSetArchive archive;
    private volatile Snapshot snapshot = new Snapshot(Optional.empty(), Long.MIN_VALUE);

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
        Optional<Active> next = running.map(e -> known.filter(a -> a.experiment().id() == e.id())
                .orElseGet(() -> new Active(e, archive.version(e.challengerVersion()))));
        snapshot = new Snapshot(next, System.nanoTime());
        return next;
    }
}
