package io.guanxi.simulation;

import io.micronaut.core.annotation.Nullable;

/** The decisions a simulation makes again, each handed over in order, or reported as skipped with why. */
interface Population {

    /** What receives the population, one entry or skipped record at a time. */
    interface Visitor {

        void member(Entry entry);

        void skipped(long seq, @Nullable String decisionId, String reason);

        /** How far the walk went: {@code done} of {@code total} records looked at. */
        void progress(long done, long total);
    }

    /**
     * A record handed over to be read in full where it is decided, on one of a replay's threads
     * rather than the thread that walks the log: its content is parsed there.
     */
    interface Entry {

        /** The record's place in the chain; for a line of a facts file, its line number. */
        long seq();

        @Nullable
        String decisionId();

        /**
         * The member to decide, or null when a filter leaves the record out.
         *
         * @throws Unreadable when the record cannot be decided again, with why
         */
        @Nullable
        Member read() throws Unreadable;
    }

    /** Why an entry cannot be decided again: reported as a skip, in log order. */
    final class Unreadable extends Exception {

        Unreadable(String reason) {
            super(reason, null, false, false);
        }
    }

    void visit(Visitor visitor);
}
