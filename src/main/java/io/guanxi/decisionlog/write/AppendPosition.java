package io.guanxi.decisionlog.write;

import io.guanxi.decisionlog.chain.ChainHead;
import io.guanxi.decisionlog.chain.DecisionRecord;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Where the next record joins the log: the chain's head and the id of the last record appended.
 * The appender gives each record it seals the next id itself, so it knows every id of a batch
 * before writing it and ids ascend with seq, in commit order, which keeps keyset pages in storage
 * order and the audit indexes' blocks of ids dense. Both live in the one row of
 * {@code decision_chain_head}.
 */
record AppendPosition(ChainHead head, long lastId) {

    /**
     * Reads the tail. The last id is also checked against the table, so that a record stored by
     * other means (not through the chain) cannot have its id handed out again.
     */
    static final String SELECT = "SELECT seq, hash, GREATEST(record_id, (SELECT COALESCE(MAX(id), 0)"
            + " FROM decision_record)) FROM decision_chain_head WHERE id = 1";

    static AppendPosition from(ResultSet row) throws SQLException {
        if (!row.next()) {
            throw new SQLException("decision_chain_head has no row: the V3 migration did not run");
        }
        return new AppendPosition(new ChainHead(row.getLong(1), row.getString(2)), row.getLong(3));
    }

    /** Binds seq, hash and record_id, in this order, from parameter {@code index}; returns the next index. */
    int bind(PreparedStatement s, int index) throws SQLException {
        int next = head.bind(s, index);
        s.setLong(next, lastId);
        return next + 1;
    }

    /** The record sealed as the next link: the next id and seq, chained to the head's hash. */
    DecisionRecord seal(DecisionRecord unsealed) {
        return unsealed.sealed(lastId + 1, head.seq() + 1, head.hash());
    }

    /** The tail once {@code sealed} (from {@link #seal}) is stored. */
    AppendPosition after(DecisionRecord sealed) {
        return new AppendPosition(head.next(sealed), sealed.id());
    }
}
