package io.guanxi.decisionlog;

import io.guanxi.customer.CustomerState;
import io.guanxi.customer.CustomerStateRepository;
import io.guanxi.customer.StateQuery;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import javax.sql.DataSource;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/** The production store: decisions go into the MariaDB audit chain through the group-commit appender. */
@Singleton
@Requires(property = "guanxi.benchmark-in-memory", notEquals = "true")
final class DatabaseDecisionStore implements DecisionStore {

    private final DecisionRecordRepository records;
    private final CustomerStateRepository states;
    private final TransactionOperations<Connection> transactions;
    private final GroupCommitAppender appender;
    private final DataSource pool;

    DatabaseDecisionStore(DecisionRecordRepository records, CustomerStateRepository states,
                          TransactionOperations<Connection> transactions, GroupCommitAppender appender,
                          DataSource dataSource) {
        this.pool = DelegatingDataSource.unwrapDataSource(dataSource);
        this.records = records;
        this.states = states;
        this.transactions = transactions;
        this.appender = appender;
    }

    @Override
    public Snapshot read(String customerId, @Nullable String requestId) {
        if (requestId == null) {
            // The read every decision makes: plain JDBC on a pooled connection, no transaction of its own.
            try (Connection c = pool.getConnection()) {
                return new Snapshot(Optional.empty(), StateQuery.find(c, customerId));
            } catch (SQLException e) {
                throw new DecisionLogUnavailableException("cannot read the state of customer " + customerId, e);
            }
        }
        // One connection and one consistent snapshot for both reads.
        return transactions.executeRead(status -> {
            Optional<DecisionRecord> earlier = requestId == null ? Optional.empty() : records.findByRequestId(requestId);
            Optional<CustomerState> state = earlier.isPresent() ? Optional.empty() : states.findById(customerId);
            return new Snapshot(earlier, state);
        });
    }

    @Override
    public AppendResult append(PendingDecision decision) {
        return appender.append(decision);
    }

    @Override
    public LogStatus status() {
        ChainHead head = transactions.executeRead(status -> {
            try {
                return ChainHead.read(status.getConnection(), false);
            } catch (SQLException e) {
                throw new DecisionLogUnavailableException("cannot read the chain head", e);
            }
        });
        return new LogStatus(head.seq(), head.hash(), appender.refused(), "database", appender.commits(),
                appender.committed());
    }
}
