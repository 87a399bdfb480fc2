package io.guanxi.decisionlog;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;
import java.util.Optional;

/** Appends decision records and finds them again; nothing here updates or deletes one. */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface DecisionRecordRepository extends GenericRepository<DecisionRecord, Long> {

    DecisionRecord save(DecisionRecord decision);

    Optional<DecisionRecord> findByDecisionId(String decisionId);

    Optional<DecisionRecord> findByRequestId(String requestId);

    List<DecisionRecord> findByCustomerIdOrderById(String customerId);

    long countByCustomerId(String customerId);
}
