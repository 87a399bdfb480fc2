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
 * Writes and commits one batch of decisions in two round trips: first lock the
 * chain head (which orders all writers, across instances), the customers' states and the
 * requestIds; then seal the decisions whose state still matches and whose requestId is free, and
 * write their states, their records and the new head together. The connection must allow
 * several statements per round trip.
 */
final class ChainBatch {

    /** What a batch left behind: one result per decision, in order, and the chain's new head. */
    record Written(List<AppendResult> results, ChainHead head) {
    }

    private record Locked(ChainHead head, StateBatch states, Set<String> takenRequestIds) {
    }

    private ChainBatch() {
    }

    /** One result per decision, in order; throws when the batch as a whole cannot be written. */
    static Written write(Connection c, List<PendingDecision> batch) throws SQLException {
        Locked locked = lock(c, batch);
        ChainHead head = locked.head();
        Set<String> customersInBatch = new HashSet<>();
        Set<String> requestIdsInBatch = new HashSet<>(locked.takenRequestIds());
        List<AppendResult> results = new ArrayList<>(batch.size());
        List<DecisionRecord> sealed = new ArrayList<>(batch.size());
        List<StateChange> changes = new ArrayList<>(batch.size());
        for (PendingDecision d : batch) {
            AppendResult result = admit(d, locked.states(), customersInBatch, requestIdsInBatch);
            if (result == AppendResult.COMMITTED) {
                DecisionRecord record = d.record().sealed(head.seq() + 1, head.hash());
                head = head.next(record);
                sealed.add(record);
                changes.add(d.state());
            }
            results.add(result);
        }
        if (!sealed.isEmpty()) {
            writeAll(c, changes, sealed, head);
        }
        return new Written(results, head);
    }

    /** Whether the decision may join the batch: its state unmoved, its customer and requestId not yet in it. */
    private static AppendResult admit(PendingDecision d, StateBatch states, Set<String> customers,
                                      Set<String> requestIds) {
        String requestId = d.record().requestId();
        if (!states.stillCurrent(d.state()) || !customers.add(d.state().customerId())) {
            return AppendResult.STATE_MOVED;
        }
        return requestId != null && !requestIds.add(requestId) ? AppendResult.REQUEST_ID_TAKEN : AppendResult.COMMITTED;
    }

    private static Locked lock(Connection c, List<PendingDecision> batch) throws SQLException {
        Set<String> customers = new LinkedHashSet<>();
        batch.forEach(d -> customers.add(d.state().customerId()));
        List<String> requestIds = batch.stream().map(d -> d.record().requestId()).filter(Objects::nonNull).toList();
        String sql = ChainHead.SELECT + " FOR UPDATE; " + StateBatch.lockSql(customers.size())
                + (requestIds.isEmpty() ? "" : "; SELECT request_id FROM decision_record WHERE request_id IN ("
                + marks(requestIds.size(), "?") + ") FOR UPDATE");
        try (PreparedStatement s = c.prepareStatement(sql)) {
            int i = StateBatch.bindLock(s, 1, customers);
            for (String id : requestIds) {
                s.setString(i++, id);
            }
            s.execute();
            ChainHead head = read(s, ChainHead::from);
            s.getMoreResults();
            StateBatch states = read(s, StateBatch::locked);
            Set<String> taken = new HashSet<>();
            if (!requestIds.isEmpty()) {
                s.getMoreResults();
                read(s, rows -> collect(rows, taken));
            }
            return new Locked(head, states, taken);
        }
    }

    private interface Reader<T> {
        T read(ResultSet rows) throws SQLException;
    }

    private static <T> T read(PreparedStatement s, Reader<T> reader) throws SQLException {
        try (ResultSet rows = s.getResultSet()) {
            return reader.read(rows);
        }
    }

    private static Set<String> collect(ResultSet rows, Set<String> into) throws SQLException {
        while (rows.next()) {
            into.add(rows.getString(1));
        }
        return into;
    }

    /** States, records (one multi-row INSERT), the new head and the commit in one round trip. */
    private static void writeAll(Connection c, List<StateChange> changes, List<DecisionRecord> sealed, ChainHead head)
            throws SQLException {
        String sql = StateBatch.writeSql(changes.size()) + "; " + insertSql(sealed.size())
                + FiredRuleIndex.sql(sealed) + "; " + ChainHead.UPDATE
                // Committing in the same round trip saves one; the server runs nothing after a failed
                // statement, so a failure leaves the transaction open for the caller's rollback.
                + "; COMMIT";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            int i = bindRecords(s, StateBatch.bindWrite(s, 1, changes), sealed);
            head.bind(s, FiredRuleIndex.bind(s, i, sealed));
            s.execute();
        }
    }

    /** All sealed records in one multi-row INSERT. */
    static String insertSql(int count) {
        return "INSERT INTO decision_record (" + ChainEncoding.COLUMNS + ", prev_hash, hash) VALUES "
                + marks(count, "(" + marks(ChainEncoding.FIELDS.size() + 2, "?") + ")");
    }

    static int bindRecords(PreparedStatement s, int index, List<DecisionRecord> sealed) throws SQLException {
        for (DecisionRecord r : sealed) {
            for (ChainEncoding.Field f : ChainEncoding.FIELDS) {
                s.setObject(index++, f.value().apply(r));
            }
            s.setString(index++, r.prevHash());
            s.setString(index++, r.hash());
        }
        return index;
    }

    private static String marks(int count, String mark) {
        return String.join(", ", Collections.nCopies(count, mark));
    }
}
