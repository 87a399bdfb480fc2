package io.guanxi.decisionlog.write;

import io.guanxi.customer.CustomerState;
import io.guanxi.customer.CustomerStateRepository;
import io.guanxi.customer.StateQuery;
import io.guanxi.decisionlog.AppendResult;
import io.guanxi.decisionlog.Decision;
import io.guanxi.decisionlog.DecisionLogUnavailableException;
import io.guanxi.decisionlog.DecisionStore;
import io.guanxi.decisionlog.LogStatus;
import io.guanxi.decisionlog.chain.ChainHead;
import io.guanxi.decisionlog.chain.DecisionRecord;
import io.guanxi.decisionlog.chain.DecisionRecordRepository;
import io.guanxi.platform.GroupWorker;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.transaction.TransactionOperations;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The production store: decisions go into the MariaDB audit chain through the group-commit
 * appender, and the states they are judged against are read in groups too.
 */
@Singleton
@Requires(property = "guanxi.benchmark-in-memory", notEquals = "true")
final class DatabaseDecisionStore implements DecisionStore {

    /** Customers read in one query at most. */
    static final int MAX_READ_BATCH = 64;
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseDecisionStore.class);

    private final DecisionRecordRepository records;
    private final CustomerStateRepository states;
    private final TransactionOperations<Connection> transactions;
    private final GroupCommitAppender appender;
    private final DataSource pool;
    private final GroupWorker<String, Optional<CustomerState>> stateReads;

    DatabaseDecisionStore(DecisionRecordRepository records, CustomerStateRepository states,
                          TransactionOperations<Connection> transactions, GroupCommitAppender appender,
                          DataSource dataSource) {
        this.pool = DelegatingDataSource.unwrapDataSource(dataSource);
        this.records = records;
        this.states = states;
        this.transactions = transactions;
        this.appender = appender;
        this.stateReads = new GroupWorker<>("customer-state-reader", MAX_READ_BATCH, this::queryStates,
                DatabaseDecisionStore::stateUnreadable);
    }

    @Override
    public Snapshot read(String customerId, @Nullable String requestId) {
        if (requestId == null) {
            // The read every decision makes: together with the others waiting, in one query.
            return new Snapshot(Optional.empty(), stateReads.submit(customerId));
        }
        // One connection and one consistent snapshot for both reads.
        return transactions.executeRead(status -> {
            Optional<DecisionRecord> earlier = requestId == null ? Optional.empty() : records.findByRequestId(requestId);
            Optional<CustomerState> state = earlier.isPresent() ? Optional.empty() : states.findById(customerId);
            return new Snapshot(earlier, state);
        });
    }

    @Override
    public List<Optional<CustomerState>> readStates(List<String> customerIds) {
        if (customerIds.isEmpty()) {
            return List.of();
        }
        // The caller's own group: read on its thread, without the reader's hand-over.
        try {
            return queryStates(customerIds);
        } catch (SQLException | RuntimeException e) {
            // Whatever kept the states from being read (as the reader's group does): 503, nothing decided.
            throw stateUnreadable(customerIds.size(), e);
        }
    }

    private static DecisionLogUnavailableException stateUnreadable(int customers, Throwable cause) {
        LOG.error("Cannot read the state of {} customer(s)", customers, cause);
        return new DecisionLogUnavailableException("cannot read the stored customer state: " + cause.getMessage(),
                cause);
    }

    /** One group of reads: plain JDBC on a pooled connection, no transaction of its own. */
    private List<Optional<CustomerState>> queryStates(List<String> customerIds) throws SQLException {
        try (Connection c = pool.getConnection()) {
            return StateQuery.findAll(c, customerIds);
        }
    }

    @PreDestroy
    void close() throws InterruptedException {
        stateReads.close();
    }

    @Override
    public AppendResult append(Decision decision) {
        return appender.append(PendingDecision.of(decision));
    }

    @Override
    public List<CompletableFuture<AppendResult>> appendAll(List<Decision> decisions) {
        return appender.appendAll(decisions.stream().map(PendingDecision::of).toList());
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
