package io.guanxi.rules.lifecycle;

import io.guanxi.rules.RuleFile;
import io.guanxi.rules.RuleSetSource;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps every rule set that ever went live, forever: the exact rule files of each version, and
 * each time it went live (when, how, and the scenario files that gated it then). An auditor reads
 * here the rules behind any logged decision; a rollback takes its files from here.
 */
@Singleton
public class RuleSetVersionStore {

    private static final Logger LOG = LoggerFactory.getLogger(RuleSetVersionStore.class);

    private final TransactionOperations<Connection> transactions;
    private final JsonMapper json;

    RuleSetVersionStore(TransactionOperations<Connection> transactions, JsonMapper json) {
        this.transactions = transactions;
        this.json = json;
    }

    /** One time a version went live. */
    public record Activated(String version, Instant at, Activation how) {
    }

    void recordActivation(Candidate candidate, Activation how, Instant at) {
        transactions.executeWrite(status -> {
            Connection c = status.getConnection();
            if (update(c, "INSERT IGNORE INTO ruleset_version (version, first_live_at) VALUES (?, ?)",
                    candidate.version(), utc(at)) == 1) {
                for (RuleFile f : candidate.rules().files()) {
                    update(c, "INSERT INTO ruleset_file (version, path, content) VALUES (?, ?, ?)",
                            candidate.version(), f.path(), f.content());
                }
            }
            long activation = insertActivation(c, candidate.version(), how, at);
            for (RuleFile f : candidate.scenarios()) {
                update(c, "INSERT INTO ruleset_scenario_file (activation_id, path, content) VALUES (?, ?, ?)",
                        activation, f.path(), f.content());
            }
            return activation;
        });
    }

    /** The version that went live last, with the scenarios that gated it then. */
    Optional<Candidate> latestActivated(String directory) {
        return transactions.executeRead(status -> {
            List<Object[]> last = query(status.getConnection(),
                    "SELECT version, id FROM ruleset_activation ORDER BY id DESC LIMIT 1", r -> new Object[] {
                        r.getString(1), r.getLong(2)});
            return last.stream().findFirst().map(row -> load(status.getConnection(), directory, (String) row[0],
                    (Long) row[1]));
        });
    }

    /** A stored version with the scenarios of its latest activation, if it ever went live. */
    public Optional<Candidate> find(String directory, String version) {
        return transactions.executeRead(status -> {
            List<Long> activations = query(status.getConnection(),
                    "SELECT MAX(id) FROM ruleset_activation WHERE version = ? HAVING MAX(id) IS NOT NULL",
                    r -> r.getLong(1), version);
            return activations.stream().findFirst().map(id -> load(status.getConnection(), directory, version, id));
        });
    }

    /** Every activation, newest first. */
    public List<Activated> activations() {
        return transactions.executeRead(status -> query(status.getConnection(),
                "SELECT version, activated_at, how FROM ruleset_activation ORDER BY id DESC",
                r -> new Activated(r.getString(1), instant(r.getTimestamp(2)), Activation.valueOf(r.getString(3)))));
    }

    /**
     * Keeps an attempt that did not go live. The attempt was refused either way: a database that
     * cannot take the record costs its trace here (logged), never the refusal the caller is owed.
     */
    void recordFailure(RuleSetActivator.Failure failure) {
        try {
            String errors = json.writeValueAsString(failure.errors());
            transactions.executeWrite(status -> update(status.getConnection(),
                    "INSERT INTO ruleset_failure (attempted_at, how, version, errors_json) VALUES (?, ?, ?, ?)",
                    utc(failure.at()), failure.how().name(), failure.version(), errors));
        } catch (IOException | RuntimeException e) {
            LOG.error("The failed attempt of {} ({}) could not be kept: {}", failure.version(), failure.how(), e.toString());
        }
    }

    /** The latest {@code limit} attempts that did not go live, newest first. */
    public List<RuleSetActivator.Failure> failures(int limit) {
        return transactions.executeRead(status -> query(status.getConnection(),
                "SELECT attempted_at, how, version, errors_json FROM ruleset_failure ORDER BY id DESC LIMIT ?",
                r -> new RuleSetActivator.Failure(instant(r.getTimestamp(1)), Activation.valueOf(r.getString(2)),
                        r.getString(3), errors(r.getString(4))), limit));
    }

    private List<String> errors(String stored) {
        try {
            return json.readValue(stored, Argument.listOf(String.class));
        } catch (IOException e) {
            throw new UncheckedIOException("a stored failure's errors are not a JSON list", e);
        }
    }

    private Candidate load(Connection c, String directory, String version, long activation) {
        List<RuleFile> rules = query(c, "SELECT path, content FROM ruleset_file WHERE version = ? ORDER BY path",
                r -> new RuleFile(r.getString(1), r.getBytes(2)), version);
        List<RuleFile> scenarios = query(c,
                "SELECT path, content FROM ruleset_scenario_file WHERE activation_id = ? ORDER BY path",
                r -> new RuleFile(r.getString(1), r.getBytes(2)), activation);
        return new Candidate(RuleSetSource.of(directory, rules), scenarios);
    }

    private static long insertActivation(Connection c, String version, Activation how, Instant at) {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO ruleset_activation (version, activated_at, how) VALUES (?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            bind(s, version, utc(at), how.name());
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the rule set activation", e);
        }
    }

    /** Reads one row into a value; may throw SQLException. */
    private interface Row<T> {
        T read(ResultSet r) throws SQLException;
    }

    private static <T> List<T> query(Connection c, String sql, Row<T> row, Object... args) {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, args);
            try (ResultSet r = s.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (r.next()) {
                    out.add(row.read(r));
                }
                return out;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read stored rule sets", e);
        }
    }

    private static int update(Connection c, String sql, Object... args) {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, args);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store the rule set", e);
        }
    }

    private static void bind(PreparedStatement s, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            s.setObject(i + 1, args[i]);
        }
    }

    private static Timestamp utc(Instant at) {
        return Timestamp.valueOf(LocalDateTime.ofInstant(at, ZoneOffset.UTC));
    }

    private static Instant instant(Timestamp t) {
        return t.toLocalDateTime().toInstant(ZoneOffset.UTC);
    }
}
