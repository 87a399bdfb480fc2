package io.guanxi.simulation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Map;

/**
 * A simulation as the API shows it: while it runs, its progress; when done, its report; when it
 * failed, why.
 *
 * @param state   {@code RUNNING}, {@code DONE} or {@code FAILED}
 * @param changes where its changed decisions are paged
 */
@Serdeable
record SimulationView(String id, String state, String candidateVersion, String startedAt, @Nullable String finishedAt,
                      @Nullable Simulations.Progress progress, @Nullable Report report, @Nullable String error,
                      String changes) {

    /** A page of changed decisions and the cursor of the next page (null: this is the last). */
    @Serdeable
    record ChangePage(List<Change> items, @Nullable String nextCursor) {
    }

    /** The latest simulations, newest first, as {@code GET /v1/simulations} lists them. */
    @Serdeable
    record Listing(List<Summary> simulations) {
    }

    /** One simulation without its report: what it replayed ({@code request}, as sent) and where to read it. */
    @Serdeable
    record Summary(String id, String state, String candidateVersion, String startedAt, @Nullable String finishedAt,
                   Map<String, Object> request, String location) {
    }

    /** What {@code POST /v1/simulations} answers: the id of the run, and where to follow it. */
    @Serdeable
    record Accepted(String id, String state, String location) {
    }
}
