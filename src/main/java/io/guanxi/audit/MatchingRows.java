package io.guanxi.audit;

import io.guanxi.audit.index.IndexPosition;
import io.guanxi.decisionlog.FiredRuleIds;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/**
 * The records an audit query matches, in id order, merged from the two parts of the log
 * ({@link AuditSql}): the indexed part, read in one consistent snapshot together with the
 * indexer's position, and then the rest, read from the chain on a second connection, which sees at
 * least everything the first did. So a query is exact however far the indexer lags: a record is
 * either indexed in that snapshot or read from the chain, never both, never neither. Both parts
 * stream; the caller takes rows until it has enough and closes.
 */
final class MatchingRows implements AutoCloseable {

    private final Connection indexedConnection;
    private final Connection chainConnection;
    private final Cursor indexed;
    private final Cursor unindexed;
    private final String ruleId;
    private ResultSet current;

    /** Where a part's rows come from, in id order. */
    interface Source extends AutoCloseable {

        /** The result set standing on the next row, or null when there is none. */
        ResultSet next() throws SQLException;

        @Override
        void close() throws SQLException;

        static Source of(ResultSet rows) {
            return new Source() {
                @Override
                public ResultSet next() throws SQLException {
                    return rows.next() ? rows : null;
                }

                @Override
                public void close() throws SQLException {
                    rows.close();
                }
            };
        }
    }

    /** One part's rows, the row it stands on and its id (0: not read yet, -1: ended). */
    private static final class Cursor {
        final Source source;
        ResultSet rows;
        long id;

        Cursor(Source source) {
            this.source = source;
        }
    }

    private MatchingRows(Connection indexedConnection, Connection chainConnection, AuditQuery q, boolean full,
                         List<String> namingVersions, int fetchSize) throws SQLException {
        this.indexedConnection = indexedConnection;
        this.chainConnection = chainConnection;
        this.ruleId = q.ruleId();
        // Position, time bounds and indexed rows: one snapshot, taken before the chain is read.
        indexedConnection.setAutoCommit(false);
        indexedConnection.setReadOnly(true);
        IndexPosition position = IndexPosition.read(indexedConnection, false);
        long[] periodIds = AuditSql.periodIds(indexedConnection, q);
        this.indexed = new Cursor(q.ruleId() != null
                ? new RuleBitmapRows(indexedConnection, q, full, position.seq(), periodIds, namingVersions)
                : Source.of(AuditSql.indexed(q, full, position.seq(), periodIds, namingVersions)
                        .execute(indexedConnection, fetchSize)));
        // Where the tail starts and the tail itself: one snapshot too, taken after the first.
        chainConnection.setAutoCommit(false);
        chainConnection.setReadOnly(true);
        long firstId = AuditSql.firstUnindexedId(chainConnection, position.seq());
        this.unindexed = new Cursor(Source.of(AuditSql.unindexed(q, full, position.seq(), firstId, namingVersions)
                .execute(chainConnection, fetchSize)));
    }

    /** Runs the query; {@code fetchSize} rows are held at a time (0: every row of a part at once). */
    static MatchingRows open(DataSource dataSource, AuditQuery q, boolean full, List<String> namingVersions,
                             int fetchSize) throws SQLException {
        Connection first = dataSource.getConnection();
        Connection second = null;
        try {
            second = dataSource.getConnection();
            return new MatchingRows(first, second, q, full, namingVersions, fetchSize);
        } catch (SQLException | RuntimeException e) {
            closeAll(e, second, first);
            throw e;
        }
    }

    /** Moves to the next matching record; false when there is none. */
    boolean next() throws SQLException {
        advance(indexed, false);
        advance(unindexed, true);
        if (indexed.id < 0 && unindexed.id < 0) {
            current = null;
            return false;
        }
        Cursor taken = unindexed.id < 0 || indexed.id >= 0 && indexed.id < unindexed.id ? indexed : unindexed;
        current = taken.rows;
        taken.id = 0;
        return true;
    }

    /** The current record's row. */
    ResultSet row() {
        return current;
    }

    /** Reads the part's next matching row unless it stands on one not yet taken. */
    private void advance(Cursor cursor, boolean filterRule) throws SQLException {
        while (cursor.id == 0) {
            cursor.rows = cursor.source.next();
            if (cursor.rows == null) {
                cursor.id = -1;
            } else if (!filterRule || firedRule(cursor.rows)) {
                cursor.id = cursor.rows.getLong("id");
            }
        }
    }

    private boolean firedRule(ResultSet row) throws SQLException {
        return ruleId == null || FiredRuleIds.ofStored(row.getLong("id"), row.getString("fired_rules"),
                row.getString("decision_json")).contains(ruleId);
    }

    @Override
    public void close() throws SQLException {
        try {
            indexed.source.close();
            unindexed.source.close();
        } finally {
            closeAll(null, chainConnection, indexedConnection);
        }
    }

    private static void closeAll(Exception failure, Connection... connections) throws SQLException {
        SQLException first = null;
        for (Connection c : connections) {
            if (c == null) {
                continue;
            }
            try {
                c.close();
            } catch (SQLException e) {
                if (failure != null) {
                    failure.addSuppressed(e);
                } else if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
