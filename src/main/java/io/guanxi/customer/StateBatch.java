package io.guanxi.customer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes the state changes of one batch of decisions inside the batch's transaction: first lock
 * and compare every customer's version, then write all changes that still match in one statement.
 */
public final class StateBatch {

    private final Map<String, Long> lockedVersions;

    private StateBatch(Map<String, Long> lockedVersions) {
        this.lockedVersions = lockedVersions;
    }

    /** Locks the state rows of these customers until commit and remembers their versions. */
    public static StateBatch lock(Connection c, Collection<String> customerIds) throws SQLException {
        Map<String, Long> versions = new HashMap<>();
        String sql = "SELECT customer_id, version FROM customer_state WHERE customer_id IN ("
                + placeholders(customerIds.size()) + ") FOR UPDATE";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            int i = 1;
            for (String id : customerIds) {
                s.setString(i++, id);
            }
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    versions.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        return new StateBatch(versions);
    }

    /** Whether the stored state is still the one the change was judged against. */
    public boolean stillCurrent(StateChange change) {
        return Objects.equals(lockedVersions.get(change.customerId()), change.expectedVersion());
    }

    /**
     * Writes changes that passed {@link #stillCurrent}: a new row for a first decision, the next
     * version otherwise. The locks taken in {@link #lock} make the upsert safe: no other writer can
     * have moved these rows since.
     */
    public static void write(Connection c, List<StateChange> changes) throws SQLException {
        if (changes.isEmpty()) {
            return;
        }
        String sql = "INSERT INTO customer_state (customer_id, cooperation_stage, last_share, last_decision_id,"
                + " version, updated_at) VALUES " + String.join(", ", java.util.Collections.nCopies(changes.size(),
                "(?, ?, ?, ?, ?, ?)"))
                + " ON DUPLICATE KEY UPDATE cooperation_stage = VALUES(cooperation_stage),"
                + " last_share = VALUES(last_share), last_decision_id = VALUES(last_decision_id),"
                + " version = VALUES(version), updated_at = VALUES(updated_at)";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            int i = 1;
            for (StateChange change : changes) {
                s.setString(i++, change.customerId());
                s.setString(i++, change.cooperationStage());
                s.setString(i++, change.lastShare());
                s.setString(i++, change.lastDecisionId());
                s.setLong(i++, change.newVersion());
                s.setObject(i++, change.updatedAt());
            }
            s.executeUpdate();
        }
    }

    private static String placeholders(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }
}
