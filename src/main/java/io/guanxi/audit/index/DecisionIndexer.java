package io.guanxi.audit.index;

import io.micronaut.context.annotation.Requires;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/**
 * Follows the audit chain and derives from it the indexes the audit filters read (see migration
 * V9): off the request path, a round of records at a time, each round's rows and the new position
 * committed together, so that after a crash it resumes where its last commit left it. Several
 * instances may run it: the position's row lock lets one round through at a time.
 */
@Singleton
@Requires(property = "guanxi.benchmark-in-memory", notEquals = "true")
public class DecisionIndexer {

    /** Records indexed per transaction. */
    static final int ROUND = 1000;

    private final DataSource dataSource;
    private final IndexerMeters meters;

    DecisionIndexer(DataSource dataSource, IndexerMeters meters) {
        // The plain pool: each round is its own transaction, committed here.
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
        this.meters = meters;
    }

    /** Indexes every record sealed into the chain beyond the position; returns how many. */
    public synchronized long catchUp() throws SQLException {
        long total = 0;
        int indexed;
        do {
            indexed = round();
            total += indexed;
        } while (indexed == ROUND);
        return total;
    }

    /** How far the indexes reach now. */
    public IndexPosition position() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return IndexPosition.read(c, false);
        }
    }

    private int round() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                IndexPosition at = IndexPosition.read(c, true);
                List<IndexedRows.Entry> entries = IndexedRows.after(c, at.seq(), ROUND);
                long reached = entries.isEmpty() ? at.seq() : entries.get(entries.size() - 1).seq();
                if (!entries.isEmpty()) {
                    IndexedRows.write(c, entries);
                    IndexPosition.write(c, reached);
                }
                c.commit();
                meters.indexed(entries.size(), reached);
                return entries.size();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }
}
