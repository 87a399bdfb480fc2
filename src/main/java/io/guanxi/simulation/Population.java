package io.guanxi.simulation;

import io.micronaut.core.annotation.Nullable;

/** The decisions a simulation makes again, each handed over in order, or reported as skipped with why. */
interface Population {

    /** What receives the population, one member or skipped record at a time. */
    interface Visitor {

        void member(Member member);

        void skipped(long seq, @Nullable String decisionId, String reason);

        /** How far the walk went: {@code done} of {@code total} records looked at. */
        void progress(long done, long total);
    }

    void visit(Visitor visitor);
}
