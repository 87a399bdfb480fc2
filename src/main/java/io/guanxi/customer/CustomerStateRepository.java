package io.guanxi.customer;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.LocalDateTime;
import java.util.Optional;

/** Reads and writes the stored relationship state, one row per customer. */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface CustomerStateRepository extends GenericRepository<CustomerState, String> {

    Optional<CustomerState> findById(String customerId);

    /** Stores the state of a customer's first decision; a second first writer fails on the key. */
    CustomerState save(CustomerState state);

    /** Moves the state on only if nobody else did since it was read: 0 rows means a lost race. */
    @Query("""
            UPDATE customer_state
               SET cooperation_stage = :cooperationStage, last_share = :lastShare,
                   last_decision_id = :lastDecisionId, version = version + 1, updated_at = :updatedAt
             WHERE customer_id = :customerId AND version = :expectedVersion""")
    int compareAndSet(String customerId, long expectedVersion, String cooperationStage, String lastShare,
                      String lastDecisionId, LocalDateTime updatedAt);
}
