package io.guanxi.customer;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The state side of one batch of decisions, as SQL the decision log sends within its batch
 * transaction: first lock and compare every customer's version, then write all changes that still
 * match in one statement. Statements come as text plus binding, so the caller can send several in
 * one round trip.
 */
public final class StateBatch {

    private final Map<String, Long> lockedVersions;

    private StateBatch(Map<String, Long> lockedVersions) {
        this.lockedVersions = lockedVersions;
    }

    /** Locks the state rows of {@code count} customers until commit, returning their versions. */
    public static String lockSql(int count) {
        return "SELECT customer_id, version FROM customer_state WHERE customer_id IN ("
                + String.join(", ", Collections.nCopies(count, "?")) + ") FOR UPDATE";
    }

    /** Binds {@link #lockSql} from parameter {@code index}; returns the next free index. */
    public static int bindLock(PreparedStatement s, int index, Collection<String> customerIds) throws SQLException {
        for (String id : customerIds) {
            s.setString(index++, id);
        }
        return index;
    }

    /** The versions {@link #lockSql} returned. */
    public static StateBatch locked(ResultSet rows) throws SQLException {
        Map<String, Long> versions = new HashMap<>();
        while (rows.next()) {
            versions.put(rows.getString(1), rows.getLong(2));
        }
        return new StateBatch(versions);
    }

    /** Whether the stored state is still the one the change was judged against. */
    public boolean stillCurrent(StateChange change) {
        return Objects.equals(lockedVersions.get(change.customerId()), change.expectedVersion());
    }

    /**
     * Writes {@code count} changes that passed {@link #stillCurrent}: a new row for a first
     * decision, the next version otherwise. The locks taken by {@link #lockSql} make the upsert
     * safe: no other writer can have moved these rows since.
     */
    public static String writeSql(int count) {
        return "INSERT INTO customer_state (customer_id, cooperation_stage, last_share, last_decision_id,"
                + " version, updated_at) VALUES " + String.join(", ", Collections.nCopies(count, "(?, ?, ?, ?, ?, ?)"))
                + " ON DUPLICATE KEY UPDATE cooperation_stage = VALUES(cooperation_stage),"
                + " last_share = VALUES(last_share), last_decision_id = VALUES(last_decision_id),"
                + " version = VALUES(version), updated_at = VALUES(updated_at)";
    }

    /** Binds {@link #writeSql} from parameter {@code index}; returns the next free index. */
    public static int bindWrite(PreparedStatement s, int index, List<StateChange> changes) throws SQLException {
        for (StateChange change : changes) {
            s.setString(index++, change.customerId());
            s.setString(index++, change.cooperationStage());
            s.setString(index++, change.lastShare());
            s.setString(index++, change.lastDecisionId());
            s.setLong(index++, change.newVersion());
            s.setObject(index++, change.updatedAt());
        }
        return index;
    }

    /**
     * First decisions as one multi-row INSERT: a duplicate key (someone else stored the customer
     * first) fails the statement instead of changing nothing.
     */
    public static String insertSql(int count) {
        return "INSERT INTO customer_state (customer_id, cooperation_stage, last_share, last_decision_id, version,"
                + " updated_at) VALUES " + String.join(", ", Collections.nCopies(count, "(?, ?, ?, ?, 0, ?)"));
    }

    /** Binds {@link #insertSql} from parameter {@code index}; returns the next free index. */
    public static int bindInsert(PreparedStatement s, int index, List<StateChange> firsts) throws SQLException {
        for (StateChange change : firsts) {
            s.setString(index++, change.customerId());
            s.setString(index++, change.cooperationStage());
            s.setString(index++, change.lastShare());
            s.setString(index++, change.lastDecisionId());
            s.setObject(index++, change.updatedAt());
        }
        return index;
    }

    /**
     * A later decision's change as a statement that fails, instead of changing nothing, when the
     * state moved: the version becomes NULL unless it is still the expected one (an error under
     * strict SQL mode).
     */
    public static String guardedUpdateSql() {
        return "UPDATE customer_state SET cooperation_stage = ?, last_share = ?, last_decision_id = ?,"
                + " updated_at = ?, version = IF(version = ?, version + 1, NULL) WHERE customer_id = ?";
    }

    /** Binds {@link #guardedUpdateSql} from parameter {@code index}; returns the next free index. */
    public static int bindGuardedUpdate(PreparedStatement s, int index, StateChange change) throws SQLException {
        s.setString(index++, change.cooperationStage());
        s.setString(index++, change.lastShare());
        s.setString(index++, change.lastDecisionId());
        s.setObject(index++, change.updatedAt());
        s.setLong(index++, change.expectedVersion());
        s.setString(index++, change.customerId());
        return index;
    }
}
