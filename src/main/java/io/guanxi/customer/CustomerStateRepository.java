package io.guanxi.customer;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.Optional;

/**
 * Reads the stored relationship state, one row per customer. It is written only together with a
 * decision record, inside the decision log's batch transaction (see {@link StateBatch}).
 */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface CustomerStateRepository extends GenericRepository<CustomerState, String> {

    Optional<CustomerState> findById(String customerId);
}
