package io.guanxi.audit.index;

import io.guanxi.platform.UtcMillis;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;

/**
 * How far the audit indexes follow the chain: every sealed record up to {@code seq} has its index
 * rows; records after it are read from the chain itself.
 *
 * @param seq       the last seq indexed (0: none yet)
 * @param indexedAt when the indexer last moved (UTC, ISO-8601), null if it never has
 */
@Serdeable
public record IndexPosition(long seq, @Nullable String indexedAt) {

    static final String SELECT = "SELECT seq, indexed_at FROM decision_indexer WHERE id = 1";

    /** The position as the connection's transaction sees it ({@code forUpdate}: locked until it ends). */
    public static IndexPosition read(Connection c, boolean forUpdate) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SELECT + (forUpdate ? " FOR UPDATE" : ""));
             ResultSet row = s.executeQuery()) {
            if (!row.next()) {
                throw new SQLException("decision_indexer has no row: the V9 migration did not run");
            }
            LocalDateTime at = row.getObject(2, LocalDateTime.class);
            return new IndexPosition(row.getLong(1), at == null ? null : UtcMillis.format(at));
        }
    }

    static void write(Connection c, long seq) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE decision_indexer SET seq = ?, indexed_at = UTC_TIMESTAMP(3) WHERE id = 1")) {
            s.setLong(1, seq);
            s.executeUpdate();
        }
    }
}
