package io.guanxi.decisionlog.chain;

import io.micronaut.serde.annotation.Serdeable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The last record of the audit chain: its seq (0 for an empty chain) and hash. */
@Serdeable
public record ChainHead(long seq, String hash) {

    static final String SELECT = "SELECT seq, hash FROM decision_chain_head WHERE id = 1";
    static final String UPDATE = "UPDATE decision_chain_head SET seq = ?, hash = ? WHERE id = 1";

    public static ChainHead read(Connection c, boolean forUpdate) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SELECT + (forUpdate ? " FOR UPDATE" : ""));
             ResultSet row = s.executeQuery()) {
            return from(row);
        }
    }

    static ChainHead from(ResultSet row) throws SQLException {
        if (!row.next()) {
            throw new SQLException("decision_chain_head has no row: the V3 migration did not run");
        }
        return new ChainHead(row.getLong(1), row.getString(2));
    }

    public void write(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(UPDATE)) {
            bind(s, 1);
            s.executeUpdate();
        }
    }

    public int bind(PreparedStatement s, int index) throws SQLException {
        s.setLong(index, seq);
        s.setString(index + 1, hash);
        return index + 2;
    }

    public ChainHead next(DecisionRecord sealed) {
        return new ChainHead(sealed.seq(), sealed.hash());
    }
}
