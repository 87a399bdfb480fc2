package io.guanxi.rules.lifecycle;

import io.guanxi.platform.GuanxiConfiguration;
import io.guanxi.rules.RuleSetException;
import io.guanxi.rules.engine.RuleSet;
import io.micronaut.context.annotation.Context;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides which rule set is live: the rules on disk at start-up (or, if they fail, the last version
 * that went live, said loudly), then each reload and rollback — one at a time, each through the
 * gate, swapped in whole or not at all. A failing set never goes live; the old one keeps serving.
 */
@Context
public class RuleSetActivator {

    private static final Logger LOG = LoggerFactory.getLogger(RuleSetActivator.class);

    /** An attempt that did not go live. */
    public record Failure(Instant at, Activation how, String version, List<String> errors) {
    }

    private final LiveRuleSet engine;
    private final RuleSetGate gate;
    private final RuleSetVersionStore store;
    private final RuleFilesWriter writer;
    private final Path rulesDir;
    private final Clock clock;
    private final ReloadMeters meters;
    private final List<ImpactCheck> impactChecks;
    private final ReentrantLock oneAtATime = new ReentrantLock();
    private volatile Failure lastFailure;
    private volatile String warning;

    RuleSetActivator(LiveRuleSet engine, RuleSetGate gate, RuleSetVersionStore store, GuanxiConfiguration config,
                    Clock clock, ReloadMeters meters, List<ImpactCheck> impactChecks) {
        this.engine = engine;
        this.gate = gate;
        this.store = store;
        this.rulesDir = config.getRulesDir();
        this.writer = new RuleFilesWriter(rulesDir);
        this.clock = clock;
        this.meters = meters;
        this.impactChecks = List.copyOf(impactChecks);
        start();
    }

    public Failure lastFailure() {
        return lastFailure;
    }

    /** Why the live set is not the one on disk, when it is not; otherwise null. */
    public String warning() {
        return warning;
    }

    /** A version that went live here, with the scenarios of its latest activation. */
    public Optional<Candidate> stored(String version) {
        return store.find(rulesDir.toString(), version);
    }

    /**
     * Makes the rules on disk live if they changed and pass the gate; true when a new set went live.
     * The impact checks replay the log, which can take a minute: they run outside the lock, so that a
     * rollback — the way back — never waits for them. Under the lock again, the set goes live only if
     * the rules on disk are still the ones checked; a rollback or another reload that went first wins.
     */
    public boolean reload(Activation how) {
        acquire(how);
        Candidate candidate;
        RuleSet admitted;
        try {
            candidate = gated(() -> Candidate.read(rulesDir), how, null);
            if (candidate.version().equals(engine.current().version())) {
                meters.count(how, ReloadMeters.Outcome.UNCHANGED);
                return false;
            }
            admitted = admit(candidate, how);
            if (impactChecks.isEmpty()) {
                goLive(candidate, admitted, how);
                warning = null;
                return true;
            }
        } finally {
            oneAtATime.unlock();
        }
        gated(() -> checkImpact(admitted), how, candidate.version());
        oneAtATime.lock(); // held by others only to compile and swap: seconds, never a replay
        try {
            if (candidate.version().equals(engine.current().version())) {
                meters.count(how, ReloadMeters.Outcome.UNCHANGED);
                return false;
            }
            String onDisk = gated(() -> Candidate.read(rulesDir), how, null).version();
            if (!onDisk.equals(candidate.version())) {
                return overtaken(candidate.version(), onDisk, how);
            }
            goLive(candidate, admitted, how);
            warning = null;
            return true;
        } finally {
            oneAtATime.unlock();
        }
    }

    private void acquire(Activation how) {
        if (how == Activation.FILE_CHANGE) {
            oneAtATime.lock();
        } else if (!oneAtATime.tryLock()) {
            throw busy(how);
        }
    }

    /**
     * The rules on disk changed while a candidate's impact was checked (a rollback, or a newer edit):
     * nothing goes live. A file change says so in the log (the newer files bring their own reload);
     * a request is answered 409.
     */
    private boolean overtaken(String checked, String onDisk, Activation how) {
        meters.count(how, ReloadMeters.Outcome.BUSY);
        String why = "the rules on disk changed while the impact of " + checked + " was checked (now " + onDisk
                + ": a rollback or a newer edit went first); nothing went live, " + engine.current().version()
                + " keeps serving";
        if (how == Activation.FILE_CHANGE) {
            LOG.info("Reload after a file change dropped: {}", why);
            return false;
        }
        throw new ReloadBusyException(why);
    }

    /** Makes a stored version live again and writes its files back to the rules directory. */
    public void rollback(String version) {
        restore(version, Activation.ROLLBACK);
    }

    /** Makes an experiment's challenger, a stored version, live as a rollback would, recorded as a promotion. */
    public void promote(String version) {
        restore(version, Activation.PROMOTION);
    }

    private void restore(String version, Activation how) {
        if (!oneAtATime.tryLock()) {
            throw busy(how);
        }
        try {
            Candidate stored = store.find(rulesDir.toString(), version).orElseThrow(() -> {
                meters.count(how, ReloadMeters.Outcome.UNKNOWN_VERSION);
                return new UnknownRuleSetVersionException(version);
            });
            goLive(stored, admit(stored, how), how);
            warning = null;
            writer.replaceWith(stored);
        } finally {
            oneAtATime.unlock();
        }
    }

    private void start() {
        try {
            Candidate onDisk = Candidate.read(rulesDir);
            goLive(onDisk, gate.admit(onDisk), Activation.STARTUP);
        } catch (RuleSetException e) {
            meters.count(Activation.STARTUP, ReloadMeters.Outcome.REJECTED);
            failed(new Failure(clock.instant(), Activation.STARTUP, null, e.errors()));
            Candidate stored = store.latestActivated(rulesDir.toString()).orElseThrow(() -> refuse(e));
            goLive(stored, gate.admit(stored), Activation.STARTUP_FALLBACK);
            warning = "the rules in " + rulesDir + " failed at start-up (see lastFailure); serving " + stored.version()
                    + ", the last version that went live";
            LOG.error("RULES ON DISK REJECTED — {}:\n  {}", warning, String.join("\n  ", e.errors()));
        }
    }

    private RuleSet admit(Candidate candidate, Activation how) {
        return gated(() -> gate.admit(candidate), how, candidate.version());
    }

    /**
     * A deployment's impact checks, on a reload only: a rollback is the way back from a bad change
     * and start-up must serve, so neither waits on them.
     */
    private RuleSet checkImpact(RuleSet admitted) {
        List<String> refusals = impactChecks.stream().flatMap(c -> c.refusals(admitted).stream()).toList();
        if (!refusals.isEmpty()) {
            throw new RuleSetException(refusals);
        }
        return admitted;
    }

    /** Runs one step towards going live; a failure is remembered, logged and reported, never swapped in. */
    private <T> T gated(Supplier<T> step, Activation how, String version) {
        try {
            return step.get();
        } catch (RuleSetException | UncheckedIOException e) {
            List<String> errors = e instanceof RuleSetException r ? r.errors() : List.of(e.getMessage());
            failed(new Failure(clock.instant(), how, version, errors));
            meters.count(how, ReloadMeters.Outcome.REJECTED);
            LOG.warn("Rule set {} ({}) rejected, the live set {} keeps serving:\n  {}", version == null ? "on disk" : version,
                    how, engine.current().version(), String.join("\n  ", errors));
            throw new RuleSetRejectedException("the rule set did not go live; " + engine.current().version()
                    + " keeps serving", errors);
        }
    }

    private void failed(Failure failure) {
        lastFailure = failure;
        store.recordFailure(failure);
    }

    private void goLive(Candidate candidate, RuleSet ruleSet, Activation how) {
        Instant now = clock.instant();
        store.recordActivation(candidate, how, now);
        engine.swap(new LiveRuleSet.Current(ruleSet, how, now));
        meters.count(how, ReloadMeters.Outcome.ACTIVATED);
        LOG.info("Rule set {} live ({}): {} rules from {} files", ruleSet.version(), how, ruleSet.ruleCount(),
                ruleSet.files().size());
    }

    private ReloadBusyException busy(Activation how) {
        meters.count(how, ReloadMeters.Outcome.BUSY);
        return new ReloadBusyException("another reload or rollback is running; nothing was changed, try again");
    }

    private static RuleSetException refuse(RuleSetException e) {
        LOG.error("The rules do not pass and no earlier version ever went live; the service cannot start:\n  {}",
                String.join("\n  ", e.errors()));
        return e;
    }
}
