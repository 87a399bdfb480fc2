package io.guanxi.simulation;

import io.guanxi.rules.engine.RuleEvaluationException;
import io.guanxi.rules.engine.RuleSet;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Decides every member of a population again with the candidate, counts what changed and hands each
 * changed decision to a sink. It writes nothing of its own: no decision record, no customer state.
 * The entries are read ({@link Population.Entry#read}) and decided on a few threads while the log is
 * walked on the caller's, {@link #BATCH} at a time (one task per decision cost more than the
 * decision); they are counted in log order, and at most {@link #IN_FLIGHT} batches are in flight, so
 * memory stays bounded.
 */
final class Replay implements Population.Visitor, AutoCloseable {

    static final int BATCH = 128;
    static final int IN_FLIGHT = 8;

    /** Entries being read and decided, and what became of each, in the same order. */
    private record Pending(List<Population.Entry> entries, Future<List<Object>> results) {
    }

    /** A member and what the candidate decided for it. */
    private record Decided(Member member, Outcome after) {
    }

    /** Where the changed decisions go (kept with the report, or printed). */
    @FunctionalInterface
    interface Changes {
        void add(Change change);
    }

    /** Told how far the replay went now and then. */
    @FunctionalInterface
    interface Progress {
        void at(long looked, long toLook, long replayed);
    }

    private final RuleSet candidate;
    private final Tally tally;
    private final Changes changes;
    private final Progress progress;
    private final ExecutorService deciders;
    private final ArrayDeque<Pending> inFlight = new ArrayDeque<>(IN_FLIGHT);
    private List<Population.Entry> batch = new ArrayList<>(BATCH);

    Replay(RuleSet candidate, Changes changes, Progress progress) {
        this.candidate = candidate;
        this.tally = new Tally(candidate.version());
        this.changes = changes;
        this.progress = progress;
        // A compiled rule set is safe to evaluate from many threads (BUILD-NOTES); the log is read on the caller's.
        this.deciders = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), r -> {
            Thread t = new Thread(r, "simulation-decider");
            t.setDaemon(true);
            return t;
        });
    }

    /** The counts, once every member handed over is counted. */
    Tally finish() {
        drain();
        return tally;
    }

    /** Stops the deciders, also when the replay ended early. */
    @Override
    public void close() {
        deciders.shutdownNow();
    }

    @Override
    public void member(Population.Entry entry) {
        batch.add(entry);
        if (batch.size() == BATCH) {
            submit();
        }
    }

    private void submit() {
        List<Population.Entry> entries = batch;
        batch = new ArrayList<>(BATCH);
        inFlight.add(new Pending(entries, deciders.submit(() -> decide(entries))));
        if (inFlight.size() >= IN_FLIGHT) {
            count(inFlight.poll());
        }
    }

    /**
     * What became of each entry: {@link Decided}, null when a filter left it out, or the reason it is
     * skipped (its content cannot be read again, or the candidate cannot decide it).
     */
    private List<Object> decide(List<Population.Entry> entries) {
        List<Object> results = new ArrayList<>(entries.size());
        for (Population.Entry entry : entries) {
            try {
                Member m = entry.read();
                results.add(m == null ? null : new Decided(m, Outcome.of(candidate.evaluate(m.facts(), m.stored()))));
            } catch (Population.Unreadable e) {
                results.add(e.getMessage());
            } catch (RuleEvaluationException e) {
                results.add("the candidate cannot decide it: " + e.getMessage());
            }
        }
        return results;
    }

    private void drain() {
        if (!batch.isEmpty()) {
            submit();
        }
        while (!inFlight.isEmpty()) {
            count(inFlight.poll());
        }
    }

    @Override
    public void skipped(long seq, String decisionId, String reason) {
        // Everything handed over before is counted first, so skips and changes stay in log order.
        drain();
        tally.skipped(seq, decisionId, reason);
    }

    private void count(Pending p) {
        List<Object> results;
        try {
            results = p.results().get();
        } catch (ExecutionException e) {
            throw new SimulationFailedException("deciding records from " + p.entries().get(0).seq() + " failed: "
                    + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SimulationFailedException("the simulation was interrupted", e);
        }
        for (int i = 0; i < results.size(); i++) {
            Object result = results.get(i);
            if (result instanceof String reason) {
                Population.Entry entry = p.entries().get(i);
                tally.skipped(entry.seq(), entry.decisionId(), reason);
            } else if (result instanceof Decided d) {
                Change change = tally.add(d.member(), d.after());
                if (change != null) {
                    changes.add(change);
                }
            }
        }
    }

    @Override
    public void progress(long looked, long toLook) {
        progress.at(looked, toLook, tally.replayed());
    }
}
