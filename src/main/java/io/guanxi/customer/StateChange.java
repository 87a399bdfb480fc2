package io.guanxi.customer;

import io.micronaut.core.annotation.Nullable;
import java.time.LocalDateTime;

/**
 * The new state a decision leaves behind, valid only if the stored state is still the one the
 * decision was judged against.
 *
 * @param expectedVersion the version read before deciding; null when the customer had no state
 * @param updatedAt       UTC
 */
public record StateChange(
        String customerId,
        @Nullable Long expectedVersion,
        String cooperationStage,
        String lastShare,
        String lastDecisionId,
        LocalDateTime updatedAt) {

    /** The version the state has after this change. */
    long newVersion() {
        return expectedVersion == null ? 0 : expectedVersion + 1;
    }
}
