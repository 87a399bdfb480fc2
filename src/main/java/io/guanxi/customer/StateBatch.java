package io.guanxi.customer;

import io.guanxi.platform.db.Placeholders;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The state side of one batch of decisions, as SQL the decision log sends within its batch
 * transaction: the stored versions, to see which decisions were judged against the state that is
 * still stored, and the guarded writes of the new states. Statements come as text plus binding,
 * so the caller can send several in one round trip.
 */
public final class StateBatch {

    private final Map<String, Long> storedVersions;

    private StateBatch(Map<String, Long> storedVersions) {
        this.storedVersions = storedVersions;
    }

    /** The stored versions of {@code count} customers. */
    public static String versionsSql(int count) {
        return "SELECT customer_id, version FROM customer_state WHERE customer_id IN ("
                + Placeholders.of(count) + ")";
    }

    /** Binds {@link #versionsSql} from parameter {@code index}; returns the next free index. */
    public static int bindVersions(PreparedStatement s, int index, Collection<String> customerIds) throws SQLException {
        return Placeholders.bind(s, index, customerIds);
    }

    /** The versions {@link #versionsSql} returned. */
    public static StateBatch versions(ResultSet rows) throws SQLException {
        Map<String, Long> versions = new HashMap<>();
        while (rows.next()) {
            versions.put(rows.getString(1), rows.getLong(2));
        }
        return new StateBatch(versions);
    }

    /** Whether the stored state is still the one the change was judged against. */
    public boolean stillCurrent(StateChange change) {
        return Objects.equals(storedVersions.get(change.customerId()), change.expectedVersion());
    }

    /**
     * First decisions as one multi-row INSERT: a duplicate key (someone else stored the customer
     * first) fails the statement instead of changing nothing.
     */
    public static String insertSql(int count) {
        return "INSERT INTO customer_state (customer_id, cooperation_stage, last_share, last_decision_id, version,"
                + " updated_at) VALUES " + Placeholders.of(count, "(?, ?, ?, ?, 0, ?)");
    }

    /** Binds {@link #insertSql} from parameter {@code index}; returns the next free index. */
    public static int bindInsert(PreparedStatement s, int index, List<StateChange> firsts) throws SQLException {
        for (StateChange change : firsts) {
            index = bindNewState(s, index, change);
        }
        return index;
    }

    /** The new state's columns, in the order both statements take them; returns the next free index. */
    private static int bindNewState(PreparedStatement s, int index, StateChange change) throws SQLException {
        s.setString(index++, change.customerId());
        s.setString(index++, change.cooperationStage());
        s.setString(index++, change.lastShare());
        s.setString(index++, change.lastDecisionId());
        s.setObject(index++, change.updatedAt());
        return index;
    }

    /**
     * Later decisions' changes as one statement that fails, instead of changing nothing, when any
     * state moved: a version becomes NULL unless it is still the expected one (an error under strict
     * SQL mode). The changes join their rows by primary key, in the order given (callers sort them
     * by customer id, the order in which every writer locks states).
     */
    public static String guardedUpdatesSql(int count) {
        return "UPDATE customer_state s JOIN (SELECT ? AS cid, ? AS stage, ? AS share, ? AS did, ? AS at, ? AS expected"
                + " UNION ALL SELECT ?, ?, ?, ?, ?, ?".repeat(count - 1) + ") c ON s.customer_id = c.cid"
                + " SET s.cooperation_stage = c.stage, s.last_share = c.share, s.last_decision_id = c.did,"
                + " s.updated_at = c.at, s.version = IF(s.version = c.expected, s.version + 1, NULL)";
    }

    /** Binds {@link #guardedUpdatesSql} from parameter {@code index}; returns the next free index. */
    public static int bindGuardedUpdates(PreparedStatement s, int index, List<StateChange> changes)
            throws SQLException {
        for (StateChange change : changes) {
            index = bindNewState(s, index, change);
            s.setLong(index++, change.expectedVersion());
        }
        return index;
    }
}
