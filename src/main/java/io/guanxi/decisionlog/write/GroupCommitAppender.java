package io.guanxi.decisionlog.write;

import io.guanxi.decisionlog.AppendResult;
import io.guanxi.decisionlog.DecisionLogUnavailableException;
import io.guanxi.decisionlog.DecisionStore;
import io.guanxi.platform.GroupWorker;
import io.guanxi.platform.db.Placeholders;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.TransactionOperations;
import jakarta.annotation.PreDestroy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransactionRollbackException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
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

    /**
     * Bounds one transaction's size; a longer queue is simply written in several batches. Single
     * advice rarely fills even a tenth of it; batch advice hands over groups of this size (128
     * served ~17 % more batch decisions/s than 64, and 256 no more than 128: docs/PERFORMANCE.md).
     */
    static final int MAX_BATCH = DecisionStore.LARGEST_COMMIT;
    /** Tries of a batch whose guards failed again (possible only with a second instance). */
    private static final int ADMISSION_ATTEMPTS = 8;
    /** MariaDB's error for a duplicate key. */
    private static final int ER_DUP_ENTRY = 1062;
    private static final Logger LOG = LoggerFactory.getLogger(GroupCommitAppender.class);

    /** A batch that may or may not have committed: the database cannot say (yet). */
    private static final class OutcomeUnknown extends SQLException {
        OutcomeUnknown(String why, SQLException cause) {
            super("whether the batch was committed is unknown: " + why + " (" + cause.getMessage() + ")", cause);
        }
    }

    /** A batch's results, in order, and where it left the chain. */
    private record Written(List<AppendResult> results, AppendPosition tail) {
    }

    private final AppenderConnection connection;
    private final AppenderMeters meters;
    private final GroupWorker<PendingDecision, AppendResult> worker;
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong commits = new AtomicLong();
    private final AtomicLong committed = new AtomicLong();
    /** Where this appender's last batch left the chain; null when unknown (at start, after a failure). */
    private AppendPosition tail;

    GroupCommitAppender(TransactionOperations<Connection> transactions, DataSource dataSource,
                        @Value("${guanxi.decision-log.lock-wait-timeout:10s}") Duration lockWait,
                        @Value("${guanxi.decision-log.socket-timeout:30s}") Duration socketTimeout,
                        AppenderMeters meters) {
        // Injecting the datasource also means Flyway has migrated the schema before this runs.
        transactions.executeWrite(status -> sealUnchained(status.getConnection()));
        this.meters = meters;
        this.connection = new AppenderConnection(dataSource, lockWait, socketTimeout, meters::reconnected);
        this.worker = new GroupWorker<>("decision-log-appender", MAX_BATCH, this::commit, this::refuse);
    }

    /** Queues the decision and waits until the batch holding it has committed or failed. */
    AppendResult append(PendingDecision decision) {
        return worker.submit(decision);
    }

    /**
     * Queues the decisions together and waits until each has committed or failed: the futures are
     * complete on return, each with its result or its refusal ({@link DecisionLogUnavailableException}).
     */
    List<CompletableFuture<AppendResult>> appendAll(List<PendingDecision> decisions) {
        return worker.submitAll(decisions);
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
        return worker.queued();
    }

    @PreDestroy
    void close() throws InterruptedException {
        worker.close();
        connection.close();
    }

    /** One batch: its results, counted once committed. */
    private List<AppendResult> commit(List<PendingDecision> decisions) throws SQLException {
        long start = System.nanoTime();
        List<AppendResult> results;
        try {
            results = write(decisions);
        } catch (AppenderConnection.ConnectionLost lost) {
            results = settle(decisions, lost);
        }
        commits.incrementAndGet();
        committed.addAndGet(results.stream().filter(r -> r == AppendResult.COMMITTED).count());
        meters.committed(decisions.size(), System.nanoTime() - start);
        return results;
    }

    /**
     * The batch as one guarded write when the chain's end is known; else, or when a guard failed,
     * what can be written is read again ({@link Admission}) and written guarded, a few times.
     */
    private List<AppendResult> write(List<PendingDecision> decisions) throws SQLException {
        AppendPosition expected = tail;
        tail = null;
        if (expected != null) {
            try {
                tail = connection.inTransaction(c -> GuardedBatch.write(c, expected, decisions));
                return Collections.nCopies(decisions.size(), AppendResult.COMMITTED);
            } catch (SQLException e) {
                if (!guardFailed(e)) {
                    throw e;
                }
                LOG.debug("Batch of {} is admitted again: {}", decisions.size(), e.getMessage());
            }
        }
        return admitted(decisions, expected);
    }

    /** What can be written is read again and written guarded, until it goes in or the chain is seen stuck. */
    private List<AppendResult> admitted(List<PendingDecision> decisions, AppendPosition expected) throws SQLException {
        AppendPosition previousTail = expected;
        for (int attempt = 1; ; attempt++) {
            AppendPosition[] read = new AppendPosition[1];
            try {
                Written written = connection.inTransaction(c -> {
                    Admission.Admitted a = Admission.check(c, decisions);
                    read[0] = a.tail();
                    return new Written(a.results(), GuardedBatch.write(c, a.tail(), a.admitted()));
                });
                tail = written.tail();
                return written.results();
            } catch (SQLException e) {
                boolean keyTaken = duplicateKey(e);
                if (keyTaken && read[0] != null && read[0].equals(previousTail) && read[0].equals(tailNow())) {
                    // Nobody moved the chain, before or since, yet a key of the next records is taken:
                    // something stored behind the service's back that another try cannot get past. (A
                    // second instance whose batch committed while this one waited on its rows has
                    // moved the tail read now.)
                    throw new SQLException("the chain cannot be extended after seq " + read[0].head().seq()
                            + ": a key of the next record is already taken by a row the chain head does not"
                            + " name (stored behind the service's back? run audit verify): " + e.getMessage(), e);
                }
                // Only another writer (a second instance) can move what was just read.
                if (attempt == ADMISSION_ATTEMPTS || !guardFailed(e)) {
                    throw e;
                }
                LOG.info("Batch of {} met another writer (attempt {} of {}): {}", decisions.size(), attempt,
                        ADMISSION_ATTEMPTS, e.getMessage());
                previousTail = read[0];
                pause(attempt);
            }
        }
    }

    /**
     * What became of a batch whose connection failed on the way (its COMMIT may have run on the
     * server all the same): once the server has ended that session, a decision whose record is
     * stored was committed, with the whole transaction; one without was not — refused if nothing
     * of the batch is stored, else left out of the admitted batch (its request decides again).
     */
    private List<AppendResult> settle(List<PendingDecision> decisions, AppenderConnection.ConnectionLost lost)
            throws SQLException {
        boolean ended;
        Set<String> stored;
        try {
            ended = connection.awaitEnded(lost);
            stored = ended ? connection.inTransaction(c -> storedDecisions(c, decisions)) : Set.of();
        } catch (SQLException e) {
            e.addSuppressed(lost);
            throw new OutcomeUnknown("its connection failed and the database could not be asked since", e);
        }
        if (!ended) {
            throw new OutcomeUnknown("its connection failed and its session still runs on the database server", lost);
        }
        if (stored.isEmpty()) {
            throw lost;
        }
        LOG.warn("Batch of {} lost its connection ({}) but had committed: {} decision(s) stored", decisions.size(),
                lost.getMessage(), stored.size());
        return decisions.stream().map(d -> stored.contains(d.record().decisionId())
                ? AppendResult.COMMITTED : AppendResult.STATE_MOVED).toList();
    }

    private static Set<String> storedDecisions(Connection c, List<PendingDecision> decisions) throws SQLException {
        Set<String> stored = new HashSet<>();
        try (PreparedStatement s = c.prepareStatement("SELECT decision_id FROM decision_record WHERE decision_id IN ("
                + Placeholders.of(decisions.size()) + ")")) {
            Placeholders.bind(s, 1, decisions.stream().map(d -> d.record().decisionId()).toList());
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    stored.add(rows.getString(1));
                }
            }
        }
        return stored;
    }

    /** Where the chain ends now, read on its own after a failed batch. */
    private AppendPosition tailNow() throws SQLException {
        return connection.inTransaction(c -> {
            try (Statement s = c.createStatement(); ResultSet row = s.executeQuery(AppendPosition.SELECT)) {
                return AppendPosition.from(row);
            }
        });
    }

    /** A short random pause, so that two instances that collided do not collide again in step. */
    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 3L * attempt + 2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Whether a guard of a {@link GuardedBatch} failed (a duplicate key, a NOT NULL guard, a
     * deadlock), so that nothing was written.
     */
    static boolean guardFailed(SQLException e) {
        return causedBy(e, t -> t instanceof SQLIntegrityConstraintViolationException
                || t instanceof SQLTransactionRollbackException);
    }

    /** Whether the failure is, or wraps, a duplicate key (not a guard's NULL, which is the same kind of error). */
    private static boolean duplicateKey(SQLException e) {
        return causedBy(e, t -> t instanceof SQLException sql && sql.getErrorCode() == ER_DUP_ENTRY);
    }

    /** Whether the failure, or one it wraps (the driver's batch exception does), is of this kind. */
    private static boolean causedBy(SQLException e, Predicate<Throwable> kind) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (kind.test(t)) {
                return true;
            }
        }
        return false;
    }

    private DecisionLogUnavailableException refuse(int decisions, Throwable cause) {
        long total = refused.addAndGet(decisions);
        if (cause instanceof OutcomeUnknown) {
            LOG.error("{} decision(s) refused: their records may have been committed, but the database could not"
                    + " confirm it; no advice is given ({} refused since start)", decisions, total, cause);
            return new DecisionLogUnavailableException("the decision log could not confirm that the decision was"
                    + " written; no advice was given, but its record may be stored: " + cause.getMessage(), cause);
        }
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
