package io.guanxi.decisionlog.write;

import com.zaxxer.hikari.HikariConfig;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The appender's own connection to the configured database, kept open and outside the pool. It
 * allows several statements per round trip (a batch needs two whatever its size: the records, then
 * everything else and the commit), prepares statements on the server (see
 * {@link #PREPARED_ON_CLIENT}) and reads committed data without gap locks. A connection that failed
 * is closed, which rolls its transaction back; the next batch opens a new one (and says so to
 * {@code reopened}).
 */
final class AppenderConnection implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AppenderConnection.class);

    /** Work done inside one transaction. */
    interface Work<T> {
        T apply(Connection c) throws SQLException;
    }

    private static final long IDLE_CHECK_NANOS = TimeUnit.SECONDS.toNanos(10);

    /**
     * Statements on this connection are prepared on the server and the driver keeps them, so the
     * records' bulk insert is parsed once per connection instead of once a batch (measured: ~3 %
     * more logged decisions a second). Several statements in one round trip cannot be prepared on
     * the server: they carry this prefix, MariaDB Connector/J's marker for a statement it prepares
     * on the client (were the marker ignored, the driver would still fall back to the client after
     * the server refused the prepare).
     */
    static final String PREPARED_ON_CLIENT = "/*client prepare*/ ";

    /**
     * The connection failed while a transaction was in flight (no answer within the socket timeout,
     * or the link broke): its session may still be running on the server, and may still commit.
     */
    static final class ConnectionLost extends SQLException {

        private final long sessionId;

        ConnectionLost(long sessionId, SQLException cause) {
            super("the connection to the database failed during the batch: " + cause.getMessage(),
                    cause.getSQLState(), cause);
            this.sessionId = sessionId;
        }
    }

    private final String url;
    private final String username;
    private final String password;
    private final long lockWaitSeconds;
    private final Duration socketTimeout;
    private final Runnable reopened;
    private boolean openedBefore;
    private Connection connection;
    private long sessionId;
    private long lastUsed;

    /**
     * @param lockWait      how long a statement waits for a row lock before it fails (whole seconds)
     * @param socketTimeout how long the connection waits for an answer before it gives up; longer
     *                      than {@code lockWait}, so that waiting for a lock ends in a clean error
     *                      (nothing written) rather than a lost connection whose batch may still commit
     * @param reopened      told each time a connection is opened to replace an earlier one
     */
    AppenderConnection(DataSource dataSource, Duration lockWait, Duration socketTimeout, Runnable reopened) {
        if (!(DelegatingDataSource.unwrapDataSource(dataSource) instanceof HikariConfig pool)) {
            throw new IllegalStateException("the decision log needs the Hikari datasource's settings");
        }
        if (lockWait.toSeconds() < 1) {
            throw new IllegalArgumentException("the decision log's lock-wait timeout (" + lockWait + ") must be at"
                    + " least 1 s");
        }
        if (lockWait.compareTo(socketTimeout) >= 0) {
            LOG.warn("The decision log's lock-wait timeout ({}) is not shorter than its socket timeout ({}): a batch"
                    + " that waits for a lock loses its connection, and each such batch waits for its session to"
                    + " end on the server before its callers learn whether it committed", lockWait, socketTimeout);
        }
        String jdbcUrl = pool.getJdbcUrl();
        // A database that stops answering fails the batch (503s) instead of holding requests forever;
        // one that cannot be reached fails a new connection as soon as the pool would give up on it.
        this.url = jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "allowMultiQueries=true&socketTimeout="
                + socketTimeout.toMillis() + "&connectTimeout=" + pool.getConnectionTimeout()
                + "&useServerPrepStmts=true";
        this.username = pool.getUsername();
        this.password = pool.getPassword();
        this.lockWaitSeconds = lockWait.toSeconds();
        this.socketTimeout = socketTimeout;
        this.reopened = reopened;
    }

    /**
     * Runs the work and commits (a no-op when the work's last statement committed already); on any
     * failure nothing of it stays (rolled back, connection dropped) — except when the connection
     * itself failed: then it throws {@link ConnectionLost}, and whether the transaction committed
     * is known only once {@link #awaitEnded} says its session has ended.
     */
    <T> T inTransaction(Work<T> work) throws SQLException {
        Connection c = open();
        try {
            T result = work.apply(c);
            c.commit();
            lastUsed = System.nanoTime();
            return result;
        } catch (SQLException e) {
            boolean lost = isBroken(c);
            long session = sessionId;
            discard(e);
            throw lost ? new ConnectionLost(session, e) : e;
        } catch (RuntimeException | Error e) {
            discard(e);
            throw e;
        }
    }

    /**
     * Waits until the server no longer runs the lost connection's session, so that its transaction
     * has committed or rolled back for good; false when it still runs after the lock-wait timeout
     * and the socket timeout have both passed again.
     */
    boolean awaitEnded(ConnectionLost lost) throws SQLException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(lockWaitSeconds) + socketTimeout.toNanos();
        while (true) {
            boolean running = inTransaction(c -> {
                try (PreparedStatement s = c.prepareStatement(
                        "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE ID = ? AND ID <> CONNECTION_ID()")) {
                    s.setLong(1, lost.sessionId);
                    try (ResultSet row = s.executeQuery()) {
                        return row.next() && row.getLong(1) > 0;
                    }
                }
            });
            if (!running) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    private static boolean isBroken(Connection c) {
        try {
            return c.isClosed() || !c.isValid(1);
        } catch (SQLException e) {
            return true;
        }
    }

    @Override
    public void close() {
        discard(null);
    }

    private Connection open() throws SQLException {
        // A connection idle for long may have been closed by the server: check before trusting it.
        if (connection != null && System.nanoTime() - lastUsed > IDLE_CHECK_NANOS && !connection.isValid(2)) {
            discard(null);
        }
        if (connection == null) {
            Connection c = DriverManager.getConnection(url, username, password);
            try (Statement s = c.createStatement()) {
                c.setAutoCommit(false);
                c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                // The optimistic batch relies on NULL in a NOT NULL column being an error.
                s.execute("SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@sql_mode, ''), 'STRICT_ALL_TABLES'),"
                        + " innodb_lock_wait_timeout = " + lockWaitSeconds + ", lock_wait_timeout = " + lockWaitSeconds);
                try (ResultSet row = s.executeQuery("SELECT CONNECTION_ID()")) {
                    row.next();
                    sessionId = row.getLong(1);
                }
            } catch (SQLException | RuntimeException e) {
                c.close();
                throw e;
            }
            connection = c;
            if (openedBefore) {
                reopened.run();
            }
            openedBefore = true;
        }
        return connection;
    }

    private void discard(Throwable failure) {
        if (connection == null) {
            return;
        }
        try (Connection c = connection) {
            connection = null;
            c.rollback();
        } catch (SQLException e) {
            // Closing the connection rolls back on the server anyway.
            if (failure != null) {
                failure.addSuppressed(e);
            }
        }
    }
}
