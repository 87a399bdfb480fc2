package io.guanxi.customer;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.LocalDateTime;

/**
 * What the service decided last for one customer: the stage transitions of its next decision are
 * judged against it. {@code version} grows with every update, so a second writer is detected.
 *
 * @param lastShare the purchase share exactly as last sent, as a decimal string
 * @param updatedAt UTC
 */
@MappedEntity("customer_state")
public record CustomerState(
        @Id String customerId,
        String cooperationStage,
        String lastShare,
        String lastDecisionId,
        long version,
        LocalDateTime updatedAt) {
}
