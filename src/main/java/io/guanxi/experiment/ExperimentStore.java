package io.guanxi.experiment;

import io.guanxi.platform.UtcMillis;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The experiments table. The database, not this instance, says which experiment runs, so every
 * instance agrees; its unique running key refuses a second running experiment even in a race.
 */
@Singleton
class ExperimentStore {

    private static final String COLUMNS = "id, mode, share_percent, challenger_version, champion_version, state, "
            + "started_at, started_by, ended_at, ended_by, note";

    private final TransactionOperations<Connection> transactions;

    ExperimentStore(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    /** The new experiment's id; empty when another one is running. */
    Optional<Long> insert(String mode, int share, String challenger, String champion, Instant at, String by, String note) {
        return transactions.executeWrite(status -> {
            try (PreparedStatement s = status.getConnection().prepareStatement("INSERT INTO experiment (mode, "
                    + "share_percent, challenger_version, champion_version, state, running_guard, started_at, started_by,"
                    + " note) VALUES (?, ?, ?, ?, 'RUNNING', 1, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                bind(s, mode, share, challenger, champion, UtcMillis.toDatabase(at), by, note);
                s.executeUpdate();
                try (ResultSet keys = s.getGeneratedKeys()) {
                    keys.next();
                    return Optional.of(keys.getLong(1));
                }
            } catch (SQLIntegrityConstraintViolationException e) {
                return Optional.empty();
            }
        });
    }

    /** Ends a running experiment; false when it was not running (anymore). */
    boolean end(long id, String state, Instant at, String by) {
        return transactions.executeWrite(status -> {
            try (PreparedStatement s = status.getConnection().prepareStatement("UPDATE experiment SET state = ?, "
                    + "running_guard = NULL, ended_at = ?, ended_by = ? WHERE id = ? AND state = 'RUNNING'")) {
                bind(s, state, UtcMillis.toDatabase(at), by, id);
                return s.executeUpdate() == 1;
            }
        });
    }

    Optional<Experiment> find(long id) {
        return query("SELECT " + COLUMNS + " FROM experiment WHERE id = ?", id).stream().findFirst();
    }

    Optional<Experiment> running() {
        return query("SELECT " + COLUMNS + " FROM experiment WHERE running_guard = 1").stream().findFirst();
    }

    /** Newest first. */
    List<Experiment> all() {
        return query("SELECT " + COLUMNS + " FROM experiment ORDER BY id DESC");
    }

    /** How many decisions each arm made: the challenger's count holds its answers (split) or shadows. */
    Experiment.Decisions decisions(long id) {
        return transactions.executeRead(status -> {
            try (PreparedStatement s = status.getConnection().prepareStatement("SELECT experiment_arm, COUNT(*) FROM "
                    + "decision_record WHERE experiment_id = ? GROUP BY experiment_arm")) {
                bind(s, id);
                long champion = 0;
                long challenger = 0;
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        if (Arms.CHAMPION.equals(r.getString(1))) {
                            champion += r.getLong(2);
                        } else {
                            challenger += r.getLong(2);
                        }
                    }
                }
                return new Experiment.Decisions(champion, challenger);
            }
        });
    }

    private List<Experiment> query(String sql, Object... args) {
        return transactions.executeRead(status -> {
            try (PreparedStatement s = status.getConnection().prepareStatement(sql)) {
                bind(s, args);
                List<Experiment> out = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(experiment(r));
                    }
                }
                return out;
            }
        });
    }

    private static Experiment experiment(ResultSet r) throws SQLException {
        return new Experiment(r.getLong("id"), r.getString("mode"), r.getInt("share_percent"),
                r.getString("challenger_version"), r.getString("champion_version"), r.getString("state"),
                time(r, "started_at"), r.getString("started_by"), time(r, "ended_at"), r.getString("ended_by"),
                r.getString("note"), new Experiment.Decisions(0, 0));
    }

    private static String time(ResultSet r, String column) throws SQLException {
        LocalDateTime t = r.getObject(column, LocalDateTime.class);
        return t == null ? null : UtcMillis.format(t);
    }

    private static void bind(PreparedStatement s, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            s.setObject(i + 1, args[i]);
        }
    }
}
