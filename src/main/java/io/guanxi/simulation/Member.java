package io.guanxi.simulation;

import io.guanxi.facts.CustomerFacts;
import io.guanxi.facts.StoredRelationship;
import io.micronaut.core.annotation.Nullable;
import java.time.LocalDateTime;

/**
 * One decision to make again: the logged input and the customer's stored state as it stood before,
 * with what was decided then ({@code before}) and by which version.
 *
 * @param seq the record's place in the chain; for a line of a facts file, its line number
 * @param decisionId null for a line of a facts file
 * @param before null when nothing was decided before (a facts file without a baseline)
 */
record Member(long seq, @Nullable String decisionId, @Nullable LocalDateTime decidedAt, @Nullable String version,
              CustomerFacts facts, StoredRelationship stored, @Nullable Outcome before) implements Population.Entry {

    /** A member is already read. */
    @Override
    public Member read() {
        return this;
    }
}
