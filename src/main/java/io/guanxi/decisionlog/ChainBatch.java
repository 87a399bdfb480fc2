package io.guanxi.decisionlog;

import io.guanxi.customer.StateBatch;
import io.guanxi.customer.StateChange;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Writes one batch of decisions in the caller's transaction: locks the chain head (which orders
 * all writers, across instances), drops the decisions whose state moved or whose requestId is
 * taken, seals the rest in order and writes their records, their states and the new head.
 */
final class ChainBatch {

    private ChainBatch() {
    }

    /** One result per decision, in order; throws when the batch as a whole cannot be written. */
    static List<AppendResult> write(Connection c, List<PendingDecision> batch) throws SQLException {
        ChainHead head = ChainHead.read(c, true);
        StateBatch states = StateBatch.lock(c, customers(batch));
        Set<String> takenRequestIds = lockRequestIds(c, batch);
        Set<String> customersInBatch = new HashSet<>();
        List<AppendResult> results = new ArrayList<>(batch.size());
        List<DecisionRecord> sealed = new ArrayList<>(batch.size());
        List<StateChange> changes = new ArrayList<>(batch.size());
        for (PendingDecision d : batch) {
            String requestId = d.record().requestId();
            if (!states.stillCurrent(d.state()) || !customersInBatch.add(d.state().customerId())) {
                results.add(AppendResult.STATE_MOVED);
            } else if (requestId != null && !takenRequestIds.add(requestId)) {
                results.add(AppendResult.REQUEST_ID_TAKEN);
            } else {
                DecisionRecord record = d.record().sealed(head.seq() + 1, head.hash());
                head = head.next(record);
                sealed.add(record);
                changes.add(d.state());
                results.add(AppendResult.COMMITTED);
            }
        }
        StateBatch.write(c, changes);
        insert(c, sealed);
        head.write(c);
        return results;
    }

    private static Set<String> customers(List<PendingDecision> batch) {
        Set<String> ids = new LinkedHashSet<>();
        batch.forEach(d -> ids.add(d.state().customerId()));
        return ids;
    }

    /** The requestIds of this batch that a stored record already carries, locked until commit. */
    private static Set<String> lockRequestIds(Connection c, List<PendingDecision> batch) throws SQLException {
        List<String> ids = batch.stream().map(d -> d.record().requestId()).filter(Objects::nonNull).toList();
        Set<String> taken = new HashSet<>();
        if (ids.isEmpty()) {
            return taken;
        }
        String sql = "SELECT request_id FROM decision_record WHERE request_id IN (" + marks(ids.size(), "?")
                + ") FOR UPDATE";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < ids.size(); i++) {
                s.setString(i + 1, ids.get(i));
            }
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    taken.add(rows.getString(1));
                }
            }
        }
        return taken;
    }

    /** All sealed records in one multi-row INSERT: one round trip per batch. */
    private static void insert(Connection c, List<DecisionRecord> sealed) throws SQLException {
        if (sealed.isEmpty()) {
            return;
        }
        int width = ChainEncoding.FIELDS.size() + 2;
        String sql = "INSERT INTO decision_record (" + ChainEncoding.COLUMNS + ", prev_hash, hash) VALUES "
                + marks(sealed.size(), "(" + marks(width, "?") + ")");
        try (PreparedStatement s = c.prepareStatement(sql)) {
            int i = 1;
            for (DecisionRecord r : sealed) {
                for (ChainEncoding.Field f : ChainEncoding.FIELDS) {
                    s.setObject(i++, f.value().apply(r));
                }
                s.setString(i++, r.prevHash());
                s.setString(i++, r.hash());
            }
            s.executeUpdate();
        }
    }

    private static String marks(int count, String mark) {
        return String.join(", ", Collections.nCopies(count, mark));
    }
}
