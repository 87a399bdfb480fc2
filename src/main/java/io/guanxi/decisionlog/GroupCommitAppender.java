package io.guanxi.decisionlog;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.transaction.TransactionOperations;
import jakarta.annotation.PreDestroy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransactionRollbackException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one writer of the decision log in this instance (group commit): request threads hand it
 * their decisions and wait; its thread takes whatever has queued up, writes it as one batch in one
 * transaction, then answers every waiting thread. While a batch commits the next one queues, so a
 * busy service commits many decisions per transaction instead of one.
 */
// Eager: records from before the chain are sealed at start, before any request can append.
@Context
@Requires(property = "guanxi.benchmark-in-memory", notEquals = "true")
class GroupCommitAppender {

    /** Bounds one transaction's size; a longer queue is simply written in several batches. */
    static final int MAX_BATCH = 64;
    private static final Logger LOG = LoggerFactory.getLogger(GroupCommitAppender.class);

    private record Waiting(PendingDecision decision, CompletableFuture<AppendResult> result) {
    }

    private final AppenderConnection connection;
    private final BlockingQueue<Waiting> queue = new LinkedBlockingQueue<>();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong commits = new AtomicLong();
    private final AtomicLong committed = new AtomicLong();
    private final Thread thread;
    private boolean closed;
    /** The head this appender wrote last; null when unknown (at start, after a failure). */
    private ChainHead head;

    GroupCommitAppender(TransactionOperations<Connection> transactions, DataSource dataSource) {
        // Injecting the datasource also means Flyway has migrated the schema before this runs.
        transactions.executeWrite(status -> sealUnchained(status.getConnection()));
        this.connection = new AppenderConnection(dataSource);
        this.thread = new Thread(this::run, "decision-log-appender");
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues the decision and waits until the batch holding it has committed or failed. */
    AppendResult append(PendingDecision decision) {
        CompletableFuture<AppendResult> result = new CompletableFuture<>();
        synchronized (this) {
            if (closed) {
                throw refuse(1, new IllegalStateException("the decision log is shutting down"));
            }
            queue.add(new Waiting(decision, result));
        }
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DecisionLogUnavailableException("interrupted while waiting for the decision log", e);
        } catch (ExecutionException e) {
            throw (DecisionLogUnavailableException) e.getCause();
        }
    }

    /** Decisions refused since start because their batch could not be committed. */
    long refused() {
        return refused.get();
    }

    /** Batch transactions committed since start. */
    long commits() {
        return commits.get();
    }

    /** Decisions committed since start: divided by {@link #commits()}, the decisions per commit. */
    long committed() {
        return committed.get();
    }

    /** How many decisions wait for the next batch (for tests that need a batch to form). */
    int queued() {
        return queue.size();
    }

    @PreDestroy
    void close() throws InterruptedException {
        synchronized (this) {
            closed = true;
        }
        thread.join(TimeUnit.SECONDS.toMillis(30));
        connection.close();
    }

    private void run() {
        List<Waiting> batch = new ArrayList<>(MAX_BATCH);
        while (!isClosed() || !queue.isEmpty()) {
            try {
                Waiting first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first != null) {
                    batch.add(first);
                    queue.drainTo(batch, MAX_BATCH - 1);
                    commit(batch);
                    batch.clear();
                }
            } catch (InterruptedException e) {
                // Only close() may stop this thread, after the queue is empty.
                LOG.warn("The decision log appender was interrupted; it keeps running until closed");
            }
        }
    }

    private synchronized boolean isClosed() {
        return closed;
    }

    private void commit(List<Waiting> batch) {
        List<PendingDecision> decisions = batch.stream().map(Waiting::decision).toList();
        try {
            List<AppendResult> results = write(decisions);
            commits.incrementAndGet();
            committed.addAndGet(results.stream().filter(r -> r == AppendResult.COMMITTED).count());
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).result().complete(results.get(i));
            }
        } catch (SQLException | RuntimeException | Error e) {
            DecisionLogUnavailableException refusal = refuse(batch.size(), e);
            batch.forEach(w -> w.result().completeExceptionally(refusal));
        }
    }

    /** One round trip when the head and states are as expected, else the locked path decision by decision. */
    private List<AppendResult> write(List<PendingDecision> decisions) throws SQLException {
        ChainHead expected = head;
        head = null;
        if (expected != null) {
            try {
                ChainBatch.Written written = connection.inTransaction(c -> OptimisticBatch.write(c, expected, decisions));
                head = written.head();
                return written.results();
            } catch (SQLIntegrityConstraintViolationException | SQLTransactionRollbackException e) {
                // A guard failed (or a deadlock with another instance): nothing was written.
                LOG.debug("Batch of {} writes under locks: {}", decisions.size(), e.getMessage());
            }
        }
        ChainBatch.Written written = connection.inTransaction(c -> ChainBatch.write(c, decisions));
        head = written.head();
        return written.results();
    }

    private DecisionLogUnavailableException refuse(int decisions, Throwable cause) {
        long total = refused.addAndGet(decisions);
        LOG.error("{} decision(s) refused: their records could not be committed, so no advice is given"
                + " ({} refused since start)", decisions, total, cause);
        return new DecisionLogUnavailableException("the decision could not be written to the decision log;"
                + " no advice was given and nothing was stored: " + cause.getMessage(), cause);
    }

    /** Seals records written before the chain existed (seq NULL), in id order, once, at start. */
    private static Void sealUnchained(Connection c) {
        try {
            long sealed = LegacyRecords.seal(c);
            if (sealed > 0) {
                LOG.info("Sealed {} decision record(s) written before the audit chain into it", sealed);
            }
            return null;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot seal the records written before the audit chain", e);
        }
    }
}
