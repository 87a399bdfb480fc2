package io.guanxi.experiment;

import io.guanxi.rules.lifecycle.LiveRuleSet;
import io.guanxi.rules.lifecycle.RuleSetActivator;
import io.guanxi.rules.lifecycle.RuleSetArchive;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;

/** Starts, lists, stops and promotes experiments; at most one runs at a time. */
@Singleton
class ExperimentService {

    private final ExperimentStore store;
    private final RunningExperiment running;
    private final RuleSetArchive archive;
    private final LiveRuleSet live;
    private final RuleSetActivator activator;
    private final Clock clock;

    ExperimentService(ExperimentStore store, RunningExperiment running, RuleSetArchive archive, LiveRuleSet live,
                      RuleSetActivator activator, Clock clock) {
        this.store = store;
        this.running = running;
        this.archive = archive;
        this.live = live;
        this.activator = activator;
        this.clock = clock;
    }

    /** Starts a validated request; 404 for a version that never went live here, 409 while another runs. */
    Experiment start(ExperimentRequest request, String by) {
        archive.version(request.challenger());
        store.running().ifPresent(e -> {
            throw alreadyRunning(e.id());
        });
        long id = store.insert(request.mode(), request.share(), request.challenger(), live.current().version(),
                clock.instant(), by, request.note()).orElseThrow(() -> alreadyRunning(store.running().map(
                        Experiment::id).orElse(0L)));
        running.refresh();
        return get(id);
    }

    Experiment get(long id) {
        return store.find(id).orElseThrow(() -> new ExperimentProblems.Unknown(id)).counted(store.decisions(id));
    }

    List<Experiment> all() {
        return store.all().stream().map(e -> e.counted(store.decisions(e.id()))).toList();
    }

    Experiment stop(long id, String by) {
        end(id, "STOPPED", by);
        return get(id);
    }

    /**
     * Makes the challenger live as a normal, versioned activation (rollback undoes it), then ends the
     * experiment: a challenger the gate refuses leaves the experiment running and the champion live.
     */
    Experiment promote(long id, String by) {
        Experiment e = get(id);
        if (!Experiment.RUNNING.equals(e.state())) {
            throw notRunning(e);
        }
        activator.promote(e.challengerVersion());
        end(id, "PROMOTED", by);
        return get(id);
    }

    private void end(long id, String state, String by) {
        Experiment e = store.find(id).orElseThrow(() -> new ExperimentProblems.Unknown(id));
        if (!store.end(id, state, clock.instant(), by)) {
            throw notRunning(e);
        }
        running.refresh();
    }

    private static ExperimentProblems.Conflict notRunning(Experiment e) {
        return new ExperimentProblems.Conflict("experiment " + e.id() + " is not running", "experiment " + e.id()
                + " is " + e.state() + "; only a running experiment can be stopped or promoted");
    }

    private static ExperimentProblems.Conflict alreadyRunning(long id) {
        return new ExperimentProblems.Conflict("experiment " + id + " is already running",
                "experiment " + id + " is running; stop or promote it before starting another");
    }
}
