package io.guanxi.simulation;

import io.guanxi.platform.UtcMillis;
import io.guanxi.platform.web.DatabaseUnavailableException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Keeps simulations and the decisions each would change (tables of V10), for good. */
@Singleton
class SimulationStore {

    /** A simulation as stored; {@code report} and {@code finishedAt} once it is done, {@code error} if it failed. */
    record Row(String id, String state, String candidateVersion, String request, @Nullable String report,
               @Nullable String error, LocalDateTime startedAt, @Nullable LocalDateTime finishedAt) {
    }

    /** One kept change: its place (the cursor of the next page) and its JSON. */
    record Kept(long ordinal, String json) {
    }

    private final DataSource dataSource;

    SimulationStore(DataSource dataSource) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    Connection connect() throws SQLException {
        return dataSource.getConnection();
    }

    void started(String id, String candidateVersion, String request, Instant at) {
        update("INSERT INTO simulation (id, state, candidate_version, request_json, started_at, heartbeat_at)"
                + " VALUES (?, 'RUNNING', ?, ?, ?, ?)", id, candidateVersion, request, UtcMillis.toDatabase(at),
                UtcMillis.toDatabase(at));
    }

    /** The runs still going on this instance are alive at {@code at}. */
    void beat(Collection<String> ids, Instant at) {
        for (String id : ids) {
            update("UPDATE simulation SET heartbeat_at = ? WHERE id = ? AND state = 'RUNNING'", UtcMillis.toDatabase(at), id);
        }
    }

    /**
     * Marks FAILED every run whose instance gave no sign of life since {@code silentSince}: it stopped
     * with its instance, and nothing will finish it. Any instance may do this, at any time.
     */
    void abandonSilent(Instant silentSince) {
        update("UPDATE simulation SET state = 'FAILED', finished_at = heartbeat_at,"
                + " error = CONCAT('abandoned: the instance running it stopped (no sign of life since ',"
                + " DATE_FORMAT(heartbeat_at, '%Y-%m-%d %H:%i:%s'), ' UTC)')"
                + " WHERE state = 'RUNNING' AND heartbeat_at < ?", UtcMillis.toDatabase(silentSince));
    }

    void done(String id, String report, Instant at) {
        update("UPDATE simulation SET state = 'DONE', report_json = ?, finished_at = ? WHERE id = ? AND state = 'RUNNING'", report,
                UtcMillis.toDatabase(at), id);
    }

    void failed(String id, String error, Instant at) {
        update("UPDATE simulation SET state = 'FAILED', error = ?, finished_at = ? WHERE id = ? AND state = 'RUNNING'", error,
                UtcMillis.toDatabase(at), id);
    }

    Optional<Row> find(String id) {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement("SELECT id, state, candidate_version,"
                + " request_json, report_json, error, started_at, finished_at FROM simulation WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(new Row(r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                        r.getString(5), r.getString(6), r.getObject(7, LocalDateTime.class),
                        r.getObject(8, LocalDateTime.class))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("cannot read simulation " + id, e);
        }
    }

    /** The latest {@code limit} simulations, newest first, without their reports. */
    List<Row> recent(int limit) {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement("SELECT id, state, candidate_version,"
                + " request_json, started_at, finished_at FROM simulation ORDER BY started_at DESC, id LIMIT ?")) {
            s.setInt(1, limit);
            List<Row> rows = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(new Row(r.getString(1), r.getString(2), r.getString(3), r.getString(4), null, null,
                            r.getObject(5, LocalDateTime.class), r.getObject(6, LocalDateTime.class)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("cannot list the simulations", e);
        }
    }

    /** Appends changes numbered from {@code firstOrdinal}, in one transaction. */
    void addChanges(Connection c, String id, long firstOrdinal, List<String> changes) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO simulation_change (simulation_id, ordinal, change_json) VALUES (?, ?, ?)")) {
            for (int i = 0; i < changes.size(); i++) {
                s.setString(1, id);
                s.setLong(2, firstOrdinal + i);
                s.setString(3, changes.get(i));
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** Up to {@code limit} changes after {@code ordinal}, in order. */
    List<Kept> changes(String id, long after, int limit) {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement("SELECT ordinal, change_json"
                + " FROM simulation_change WHERE simulation_id = ? AND ordinal > ? ORDER BY ordinal LIMIT ?")) {
            s.setString(1, id);
            s.setLong(2, after);
            s.setInt(3, limit);
            List<Kept> page = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    page.add(new Kept(r.getLong(1), r.getString(2)));
                }
            }
            return page;
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("cannot read the changes of simulation " + id, e);
        }
    }

    private int update(String sql, Object... values) {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("cannot store a simulation", e);
        }
    }
}
