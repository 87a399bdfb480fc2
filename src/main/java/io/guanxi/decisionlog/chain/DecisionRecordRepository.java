package io.guanxi.decisionlog.chain;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;
import java.util.Optional;

/**
 * Finds decision records. Nothing here writes: records are appended only by the decision log's
 * appender, which chains them (see GroupCommitAppender).
 */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface DecisionRecordRepository extends GenericRepository<DecisionRecord, Long> {

    Optional<DecisionRecord> findByDecisionId(String decisionId);

    Optional<DecisionRecord> findByRequestId(String requestId);

    List<DecisionRecord> findByCustomerIdOrderById(String customerId);

    long countByCustomerId(String customerId);

    /** A page of the records decided under an experiment, in the order they were stored, after {@code afterId}. */
    List<DecisionRecord> findByExperimentIdAndIdGreaterThanOrderById(Long experimentId, Long afterId, Pageable page);
}
