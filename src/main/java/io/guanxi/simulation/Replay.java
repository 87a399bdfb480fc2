package io.guanxi.simulation;

import io.guanxi.rules.engine.RuleEvaluationException;
import io.guanxi.rules.engine.RuleSet;

/**
 * Decides every member of a population again with the candidate, counts what changed and hands each
 * changed decision to a sink. It writes nothing of its own: no decision record, no customer state.
 */
final class Replay implements Population.Visitor {

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

    Replay(RuleSet candidate, Changes changes, Progress progress) {
        this.candidate = candidate;
        this.tally = new Tally(candidate.version());
        this.changes = changes;
        this.progress = progress;
    }

    Tally tally() {
        return tally;
    }

    @Override
    public void member(Member m) {
        Outcome after;
        try {
            after = Outcome.of(candidate.evaluate(m.facts(), m.stored()));
        } catch (RuleEvaluationException e) {
            tally.skipped(m.seq(), m.decisionId(), "the candidate cannot decide it: " + e.getMessage());
            return;
        }
        Change change = tally.add(m, after);
        if (change != null) {
            changes.add(change);
        }
    }

    @Override
    public void skipped(long seq, String decisionId, String reason) {
        tally.skipped(seq, decisionId, reason);
    }

    @Override
    public void progress(long looked, long toLook) {
        progress.at(looked, toLook, tally.replayed());
    }
}
