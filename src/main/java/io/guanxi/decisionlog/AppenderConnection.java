package io.guanxi.decisionlog;

import com.zaxxer.hikari.HikariConfig;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * The appender's own connection to the configured database, kept open and outside the pool. It
 * allows several statements per round trip (a batch needs two whatever its size: the records, then
 * everything else and the commit), prepares statements on the server (see
 * {@link #PREPARED_ON_CLIENT}) and reads committed data without gap locks. A connection that failed
 * is closed, which rolls its transaction back; the next batch opens a new one.
 */
final class AppenderConnection implements AutoCloseable {

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

    private final String url;
    private final String username;
    private final String password;
    private Connection connection;
    private long lastUsed;

    AppenderConnection(DataSource dataSource) {
        if (!(DelegatingDataSource.unwrapDataSource(dataSource) instanceof HikariConfig pool)) {
            throw new IllegalStateException("the decision log needs the Hikari datasource's settings");
        }
        String jdbcUrl = pool.getJdbcUrl();
        // A database that stops answering fails the batch (503s) after 30 s instead of holding requests forever.
        this.url = jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?")
                + "allowMultiQueries=true&socketTimeout=30000&useServerPrepStmts=true";
        this.username = pool.getUsername();
        this.password = pool.getPassword();
    }

    /**
     * Runs the work and commits (a no-op when the work's last statement committed already); on any
     * failure nothing of it stays (rolled back, connection dropped).
     */
    <T> T inTransaction(Work<T> work) throws SQLException {
        Connection c = open();
        try {
            T result = work.apply(c);
            c.commit();
            lastUsed = System.nanoTime();
            return result;
        } catch (SQLException | RuntimeException | Error e) {
            discard(e);
            throw e;
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
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            try (Statement s = c.createStatement()) {
                // The optimistic batch relies on NULL in a NOT NULL column being an error.
                s.execute("SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@sql_mode, ''), 'STRICT_ALL_TABLES')");
            }
            connection = c;
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
