package io.guanxi.decisionlog.write;

import io.guanxi.customer.StateBatch;
import io.guanxi.decisionlog.AppendResult;
import io.guanxi.platform.db.Placeholders;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Which decisions of a batch can still be written, read in one round trip when a guarded write
 * failed: where the chain ends now, the customers' stored versions and the requestIds already
 * taken. A decision whose state moved, whose customer is already in the batch or whose requestId
 * is taken is left out with its reason (its request reads again and decides again, or replays the
 * earlier decision); the rest go into a {@link GuardedBatch}. Nothing is locked: the guards catch
 * whatever changes in between, and the caller tries again.
 */
final class Admission {

    /** The chain's end, one result per decision in order, and the decisions to write. */
    record Admitted(AppendPosition tail, List<AppendResult> results, List<PendingDecision> admitted) {
    }

    private Admission() {
    }

    static Admitted check(Connection c, List<PendingDecision> batch) throws SQLException {
        Set<String> customers = new LinkedHashSet<>();
        batch.forEach(d -> customers.add(d.state().customerId()));
        List<String> requestIds = batch.stream().map(d -> d.record().requestId()).filter(Objects::nonNull).toList();
        String sql = AppendPosition.SELECT + "; " + StateBatch.versionsSql(customers.size())
                + (requestIds.isEmpty() ? "" : "; SELECT request_id FROM decision_record WHERE request_id IN ("
                + Placeholders.of(requestIds.size()) + ")");
        try (PreparedStatement s = c.prepareStatement(AppenderConnection.PREPARED_ON_CLIENT + sql)) {
            Placeholders.bind(s, StateBatch.bindVersions(s, 1, customers), requestIds);
            s.execute();
            AppendPosition tail = read(s, AppendPosition::from);
            s.getMoreResults();
            StateBatch states = read(s, StateBatch::versions);
            Set<String> taken = new HashSet<>();
            if (!requestIds.isEmpty()) {
                s.getMoreResults();
                read(s, rows -> collect(rows, taken));
            }
            return admit(tail, batch, states, taken);
        }
    }

    private static Admitted admit(AppendPosition tail, List<PendingDecision> batch, StateBatch states, Set<String> taken) {
        Set<String> customersInBatch = new HashSet<>();
        List<AppendResult> results = new ArrayList<>(batch.size());
        List<PendingDecision> admitted = new ArrayList<>(batch.size());
        for (PendingDecision d : batch) {
            String requestId = d.record().requestId();
            AppendResult result;
            if (!states.stillCurrent(d.state()) || !customersInBatch.add(d.state().customerId())) {
                result = AppendResult.STATE_MOVED;
            } else if (requestId != null && !taken.add(requestId)) {
                result = AppendResult.REQUEST_ID_TAKEN;
            } else {
                result = AppendResult.COMMITTED;
                admitted.add(d);
            }
            results.add(result);
        }
        return new Admitted(tail, results, admitted);
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
}
