package io.guanxi.decisionlog.write;

import io.guanxi.customer.StateBatch;
import io.guanxi.customer.StateChange;
import io.guanxi.decisionlog.chain.DecisionRecord;
import io.guanxi.platform.db.Placeholders;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Writes one batch of decisions as the next links of the chain, in two round trips and without
 * locking anything first: seal every decision on the tail the writer expects, insert the records
 * (one bulk command), then send guarded writes — first states only if nobody stored them, later
 * states only if their version is still the one read, the head only if it is still the one
 * expected and every later state now names its decision (an update whose row was deleted meanwhile
 * changes nothing and would not fail by itself) — and COMMIT. A guard that fails (another instance
 * appended, a state moved, a requestId or an id is taken) is an error that stops the server before
 * COMMIT; the caller rolls back and decides again what can be written ({@link Admission}). Every
 * writer takes its locks in the same order — its own new records, states by customer id, the head
 * last — so two writers wait for each other at most, and the head row is locked only from the end
 * of a batch to its commit.
 */
final class GuardedBatch {

    private static final String GUARDED_HEAD = "UPDATE decision_chain_head"
            + " SET seq = IF(seq = ? AND hash = ?%s, ?, NULL), hash = ?, record_id = ? WHERE id = 1";

    private GuardedBatch() {
    }

    /** Writes the batch after {@code tail}; returns where the chain ends once it has committed. */
    static AppendPosition write(Connection c, AppendPosition tail, List<PendingDecision> batch) throws SQLException {
        if (batch.isEmpty()) {
            return tail;
        }
        List<DecisionRecord> sealed = new ArrayList<>(batch.size());
        List<StateChange> firsts = new ArrayList<>();
        List<StateChange> updates = new ArrayList<>();
        AppendPosition last = tail;
        for (PendingDecision d : batch) {
            DecisionRecord record = last.seal(d.record());
            sealed.add(record);
            last = last.after(record);
            (d.state().expectedVersion() == null ? firsts : updates).add(d.state());
        }
        firsts.sort(Comparator.comparing(StateChange::customerId));
        updates.sort(Comparator.comparing(StateChange::customerId));
        SealedRecords.insert(c, sealed);
        StringBuilder sql = new StringBuilder();
        if (!firsts.isEmpty()) {
            sql.append(StateBatch.insertSql(firsts.size())).append("; ");
        }
        if (!updates.isEmpty()) {
            sql.append(StateBatch.guardedUpdatesSql(updates.size())).append("; ");
        }
        // An update whose row someone deleted since it was read changes nothing and fails nothing:
        // the head stays only if every update left its state naming its decision.
        String updated = updates.isEmpty() ? "" : " AND (SELECT COUNT(*) FROM customer_state WHERE customer_id IN ("
                + Placeholders.of(updates.size()) + ") AND last_decision_id IN (" + Placeholders.of(updates.size())
                + ")) = " + updates.size();
        sql.append(String.format(GUARDED_HEAD, updated)).append("; COMMIT");
        try (PreparedStatement s = c.prepareStatement(AppenderConnection.PREPARED_ON_CLIENT + sql)) {
            int i = StateBatch.bindInsert(s, 1, firsts);
            i = StateBatch.bindGuardedUpdates(s, i, updates);
            s.setLong(i++, tail.head().seq());
            s.setString(i++, tail.head().hash());
            i = Placeholders.bind(s, i, updates.stream().map(StateChange::customerId).toList());
            i = Placeholders.bind(s, i, updates.stream().map(StateChange::lastDecisionId).toList());
            last.bind(s, i);
            s.execute();
        }
        return last;
    }
}
