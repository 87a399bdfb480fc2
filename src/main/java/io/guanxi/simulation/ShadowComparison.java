package io.guanxi.simulation;

import io.guanxi.decisionlog.chain.DecisionRecord;
import io.guanxi.facts.CustomerFacts;
import io.guanxi.facts.StoredRelationship;
import io.guanxi.facts.input.CustomerFactsReader;
import io.micronaut.core.annotation.Nullable;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Compares, decision by decision, what the champion answered (before) with what a shadow challenger
 * decided beside it (after), into the report of an impact simulation: the same matrices, code
 * changes and rule counts, so a shadow experiment and a replay read alike.
 */
public final class ShadowComparison {

    private final Tally tally;
    private final String challengerVersion;
    private final Instant startedAt;

    public ShadowComparison(String challengerVersion, Instant startedAt) {
        this.tally = new Tally(challengerVersion);
        this.challengerVersion = challengerVersion;
        this.startedAt = startedAt;
    }

    /** Counts one shadowed decision: the record as logged against the challenger's outcome stored beside it. */
    public void add(DecisionRecord r, Outcome challenger) {
        CustomerFacts facts = CustomerFactsReader.read(r.inputJson().getBytes(StandardCharsets.UTF_8));
        tally.add(new Member(r.seq() == null ? 0 : r.seq(), r.decisionId(), r.decidedAt(), r.rulesetVersion(), facts,
                StoredRelationship.none(), Outcome.logged(r)), challenger);
    }

    /** A shadow record whose challenger result could not be compared (the challenger failed on it). */
    public void skipped(DecisionRecord r, String reason) {
        tally.skipped(r.seq() == null ? 0 : r.seq(), r.decisionId(), reason);
    }

    /** Decisions where the challenger gave the champion's answer ÷ decisions compared; null when none was. */
    public static @Nullable Double agreement(@Nullable Report report) {
        return report == null ? null : (double) report.counts().unchanged() / report.counts().replayed();
    }

    /** The report, or null when no decision was shadowed; {@code finishedAt} is when the log was read. */
    public @Nullable Report report(Instant finishedAt) {
        if (tally.replayed() == 0) {
            return null;
        }
        return tally.report(new Report.RanAgainst(challengerVersion, "version", "log", null, null, null,
                startedAt.toString(), finishedAt.toString(), (finishedAt.toEpochMilli() - startedAt.toEpochMilli()) / 1000.0));
    }
}
