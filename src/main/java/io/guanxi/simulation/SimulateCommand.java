package io.guanxi.simulation;

import io.guanxi.decisionlog.chain.ChainHead;
import io.guanxi.facts.input.InvalidRequestException;
import io.guanxi.platform.UtcMillis;
import io.guanxi.platform.db.ConfiguredDatabase;
import io.guanxi.rules.RuleSetException;
import io.guanxi.rules.engine.RuleSet;
import io.guanxi.rules.lifecycle.Candidate;
import io.guanxi.rules.lifecycle.CandidateGate;
import io.guanxi.rules.lifecycle.RuleSetRejectedException;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code rules simulate [DIR] --from … --to … [filters] | --facts FILE [--baseline DIR]}: replays the
 * rules of DIR (checked as a reload would) over the logged decisions of the database the service's
 * configuration names, or over a facts file, and prints the report as a table or, with
 * {@code --json}, as JSON. Exit 0 when it ran, 1 when the rules do not pass, 2 on bad usage or when
 * the log cannot be read.
 */
public final class SimulateCommand {

    public static final String USAGE = "usage: rules simulate [DIR] [--from INSTANT] [--to INSTANT] [--customer-id ID] [--tier CODE]\n"
            + "                      [--rule ID] [--transition CODE] [--json] [--changes FILE]\n"
            + "       rules simulate [DIR] --facts FILE [--baseline DIR] [--json] [--changes FILE]";

    private final SimulateOptions options;
    private final PrintStream out;
    private final PrintStream err;
    private final JsonMapper json = JsonMapper.createDefault();

    private SimulateCommand(SimulateOptions options, PrintStream out, PrintStream err) {
        this.options = options;
        this.out = out;
        this.err = err;
    }

    /** Runs the command; {@code args} are what follows {@code rules simulate}. */
    public static int run(String[] args, String defaultDir, PrintStream out, PrintStream err) {
        SimulateOptions options;
        try {
            options = SimulateOptions.parse(args, defaultDir);
        } catch (InvalidRequestException e) {
            e.errors().forEach(f -> err.println(f.field() + ": " + f.message()));
            err.println(USAGE);
            return 2;
        }
        return new SimulateCommand(options, out, err).run();
    }

    private int run() {
        RuleSet candidate;
        RuleSet baseline;
        try {
            candidate = CandidateGate.check(Candidate.read(options.dir()), Clock.systemUTC());
            baseline = options.baseline() == null ? null : CandidateGate.check(Candidate.read(options.baseline()), Clock.systemUTC());
        } catch (RuleSetRejectedException e) {
            e.lines().forEach(out::println);
            out.println(e.getMessage());
            return 1;
        } catch (RuleSetException e) {
            e.errors().forEach(out::println);
            return 1;
        }
        try (ChangeFile changes = new ChangeFile(options.changes(), json)) {
            Report report = options.facts() != null ? facts(candidate, baseline, changes) : logged(candidate, changes);
            if (options.json()) {
                out.println(json.writeValueAsString(report));
            } else {
                ReportTable.lines(report, changes.first()).forEach(out::println);
            }
            return 0;
        } catch (InvalidRequestException e) {
            e.errors().forEach(f -> out.println(f.field() + ": " + f.message()));
            return 2;
        } catch (SQLException | SimulationFailedException e) {
            out.println("cannot read the decision log: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Report logged(RuleSet candidate, ChangeFile changes) throws SQLException {
        Instant started = Instant.now();
        try (Connection c = ConfiguredDatabase.connectFromTool()) {
            c.setReadOnly(true);
            c.setAutoCommit(false);
            LoggedPopulation population = new LoggedPopulation(c, options.filter());
            try (Replay replay = new Replay(candidate, changes, new ProgressBar(err))) {
                population.visit(replay);
                c.rollback();
                return report(replay, candidate, "log", population.head(), null, started);
            }
        }
    }

    private Report facts(RuleSet candidate, RuleSet baseline, ChangeFile changes) throws IOException {
        Instant started = Instant.now();
        FactsPopulation population = FactsPopulation.parse(Files.readString(options.facts()), baseline);
        try (Replay replay = new Replay(candidate, changes, new ProgressBar(err))) {
            population.visit(replay);
            return report(replay, candidate, "facts", null, baseline == null ? null : baseline.version(), started);
        }
    }

    private Report report(Replay replay, RuleSet candidate, String population, ChainHead head, String baseline,
                          Instant started) {
        Instant finished = Instant.now();
        return replay.finish().report(new Report.RanAgainst(candidate.version(), "files", population,
                population.equals("log") ? options.filter() : null, head, baseline, UtcMillis.format(started),
                UtcMillis.format(finished), Duration.between(started, finished).toMillis() / 1000.0));
    }

    /** Keeps the first changes for the table, and writes every one as a JSON line to {@code --changes FILE}. */
    static final class ChangeFile implements Replay.Changes, AutoCloseable {

        static final int SHOWN = 20;
        private final java.io.BufferedWriter file;
        private final JsonMapper json;
        private final List<Change> first = new ArrayList<>();

        ChangeFile(Path path, JsonMapper json) throws IOException {
            this.file = path == null ? null : Files.newBufferedWriter(path);
            this.json = json;
        }

        @Override
        public void add(Change change) {
            if (first.size() < SHOWN) {
                first.add(change);
            }
            if (file != null) {
                try {
                    file.write(json.writeValueAsString(change));
                    file.write('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }

        List<Change> first() {
            return first;
        }

        @Override
        public void close() throws IOException {
            if (file != null) {
                file.close();
            }
        }
    }
}
