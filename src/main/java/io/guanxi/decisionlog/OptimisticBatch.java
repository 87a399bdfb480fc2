package io.guanxi.decisionlog;

import io.guanxi.customer.StateBatch;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The usual case of a batch in one round trip: the appender knows the head it wrote last, so it
 * seals every decision up front and sends guarded writes — the head only moves if it is still the
 * one expected, each state only if its version is still the one read — then COMMIT. Any guard
 * that fails (another instance appended, a state moved, a requestId is taken) is an error that
 * stops the round trip before COMMIT; the caller rolls back and writes the batch under locks
 * ({@link ChainBatch}), which sorts out decision by decision.
 */
final class OptimisticBatch {

    private static final String GUARDED_HEAD = "UPDATE decision_chain_head"
            + " SET seq = IF(seq = ? AND hash = ?, ?, NULL), hash = ? WHERE id = 1";

    private OptimisticBatch() {
    }

    static ChainBatch.Written write(Connection c, ChainHead head, List<PendingDecision> batch) throws SQLException {
        List<DecisionRecord> sealed = new ArrayList<>(batch.size());
        ChainHead last = head;
        for (PendingDecision d : batch) {
            DecisionRecord record = d.record().sealed(last.seq() + 1, last.hash());
            sealed.add(record);
            last = last.next(record);
        }
        StringBuilder sql = new StringBuilder(GUARDED_HEAD);
        batch.forEach(d -> sql.append("; ").append(StateBatch.guardedSql(d.state())));
        sql.append("; ").append(ChainBatch.insertSql(sealed.size())).append("; COMMIT");
        try (PreparedStatement s = c.prepareStatement(sql.toString())) {
            s.setLong(1, head.seq());
            s.setString(2, head.hash());
            int i = last.bind(s, 3);
            for (PendingDecision d : batch) {
                i = StateBatch.bindGuarded(s, i, d.state());
            }
            ChainBatch.bindRecords(s, i, sealed);
            s.execute();
        }
        return new ChainBatch.Written(Collections.nCopies(batch.size(), AppendResult.COMMITTED), last);
    }
}
