package io.guanxi.decisionlog;

import io.guanxi.customer.StateBatch;
import io.guanxi.customer.StateChange;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The usual case of a batch in one round trip: the appender knows the head it wrote last, so it
 * seals every decision up front and sends guarded writes — the head only moves if it is still the
 * one expected, first states only if nobody stored them, later states only if their version is
 * still the one read — then COMMIT. Any guard that fails (another instance appended, a state
 * moved, a requestId is taken) is an error that stops the round trip before COMMIT; the caller
 * rolls back and writes the batch under locks ({@link ChainBatch}), decision by decision.
 */
final class OptimisticBatch {

    private static final String GUARDED_HEAD = "UPDATE decision_chain_head"
            + " SET seq = IF(seq = ? AND hash = ?, ?, NULL), hash = ? WHERE id = 1";

    private OptimisticBatch() {
    }

    static ChainBatch.Written write(Connection c, ChainHead head, List<PendingDecision> batch) throws SQLException {
        List<DecisionRecord> sealed = new ArrayList<>(batch.size());
        List<StateChange> firsts = new ArrayList<>();
        List<StateChange> updates = new ArrayList<>();
        ChainHead last = head;
        for (PendingDecision d : batch) {
            DecisionRecord record = d.record().sealed(last.seq() + 1, last.hash());
            sealed.add(record);
            last = last.next(record);
            (d.state().expectedVersion() == null ? firsts : updates).add(d.state());
        }
        StringBuilder sql = new StringBuilder(GUARDED_HEAD);
        if (!firsts.isEmpty()) {
            sql.append("; ").append(StateBatch.insertSql(firsts.size()));
        }
        updates.forEach(u -> sql.append("; ").append(StateBatch.guardedUpdateSql()));
        sql.append("; ").append(ChainBatch.insertSql(sealed.size())).append(FiredRuleIndex.sql(sealed))
                .append("; COMMIT");
        try (PreparedStatement s = c.prepareStatement(sql.toString())) {
            s.setLong(1, head.seq());
            s.setString(2, head.hash());
            int i = StateBatch.bindInsert(s, last.bind(s, 3), firsts);
            for (StateChange update : updates) {
                i = StateBatch.bindGuardedUpdate(s, i, update);
            }
            FiredRuleIndex.bind(s, ChainBatch.bindRecords(s, i, sealed), sealed);
            s.execute();
        }
        return new ChainBatch.Written(Collections.nCopies(batch.size(), AppendResult.COMMITTED), last);
    }
}
