package io.guanxi.decisionlog;

import io.micronaut.serde.annotation.Serdeable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The last record of the audit chain: its seq (0 for an empty chain) and hash. */
@Serdeable
public record ChainHead(long seq, String hash) {

    static ChainHead read(Connection c, boolean forUpdate) throws SQLException {
        String sql = "SELECT seq, hash FROM decision_chain_head WHERE id = 1" + (forUpdate ? " FOR UPDATE" : "");
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet row = s.executeQuery()) {
            if (!row.next()) {
                throw new SQLException("decision_chain_head has no row: the V3 migration did not run");
            }
            return new ChainHead(row.getLong(1), row.getString(2));
        }
    }

    void write(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE decision_chain_head SET seq = ?, hash = ? WHERE id = 1")) {
            s.setLong(1, seq);
            s.setString(2, hash);
            s.executeUpdate();
        }
    }

    ChainHead next(DecisionRecord sealed) {
        return new ChainHead(sealed.seq(), sealed.hash());
    }
}
