package io.guanxi.rules.api;

import io.guanxi.rules.RuleSetException;
import io.guanxi.rules.RuleSetSource;
import io.guanxi.rules.compile.RuleSetCompiler;
import io.guanxi.rules.completeness.CompletenessCheck;
import io.guanxi.rules.engine.RuleSet;
import io.guanxi.rules.scenario.ScenarioSuite;
import io.guanxi.simulation.SimulateCommand;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The analysts' command line: {@code rules check [DIR]} compiles every rule file, runs every
 * scenario and proves each single-valued answer is given exactly once; {@code rules test [DIR]} runs
 * the scenarios only; {@code rules simulate} replays them over the log ({@link SimulateCommand}). Exit 0 when all is well, 1 when a problem was found, 2 on bad usage. It
 * needs neither the HTTP server nor a database.
 */
public final class RulesCommand {

    static final String USAGE = "usage: rules check [DIR]   compile the rules, run the scenarios, check completeness\n"
            + "       rules test [DIR]    compile the rules and run the scenarios\n"
            + "       rules simulate [DIR] ...  replay the rules over logged decisions or a facts file (see below)\n"
            + "DIR defaults to $GUANXI_RULES_DIR, else 'rules'.\n" + SimulateCommand.USAGE;

    private final PrintStream out;
    private final boolean completeness;
    private final List<String> problems = new ArrayList<>();

    private RulesCommand(PrintStream out, boolean completeness) {
        this.out = out;
        this.completeness = completeness;
    }

    /** Runs one subcommand; everything it reports goes to {@code out}, usage errors to {@code err}. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length > 0 && args[0].equals("simulate")) {
            return SimulateCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length), defaultDirectory(), out, err);
        }
        if (args.length < 1 || args.length > 2 || !(args[0].equals("check") || args[0].equals("test"))) {
            err.println(args.length == 0 ? "rules: missing subcommand" : "rules: unknown arguments " + String.join(" ", args));
            err.println(USAGE);
            return 2;
        }
        String dir = args.length == 2 ? args[1] : defaultDirectory();
        return new RulesCommand(out, args[0].equals("check")).run(Path.of(dir));
    }

    private static String defaultDirectory() {
        String env = System.getenv("GUANXI_RULES_DIR");
        return env == null || env.isBlank() ? "rules" : env;
    }

    private int run(Path dir) {
        long start = System.nanoTime();
        RuleSetSource source;
        try {
            source = RuleSetSource.read(dir);
        } catch (RuleSetException e) {
            e.errors().forEach(out::println);
            out.println(dir + ": FAILED");
            return 1;
        }
        ScenarioSuite suite = ScenarioSuite.parse(source.directory(), ScenarioSuite.read(dir));
        RuleSet ruleSet = compile(source);
        report(ruleSet == null ? suite.errors() : suite.run(ruleSet));
        if (completeness && ruleSet != null) {
            report(CompletenessCheck.check(source, ruleSet));
        }
        out.println(summary(source, ruleSet, suite, System.nanoTime() - start));
        return problems.isEmpty() ? 0 : 1;
    }

    private RuleSet compile(RuleSetSource source) {
        try {
            return new RuleSetCompiler(Clock.systemUTC()).compile(source);
        } catch (RuleSetException e) {
            report(e.errors());
            return null;
        }
    }

    private void report(List<String> found) {
        found.forEach(out::println);
        problems.addAll(found);
    }

    private String summary(RuleSetSource source, RuleSet ruleSet, ScenarioSuite suite, long nanos) {
        StringBuilder line = new StringBuilder(source.directory()).append(": ");
        line.append(ruleSet == null ? "does not compile" : ruleSet.ruleCount() + " rules")
                .append(", ").append(source.files().size()).append(" files, ")
                .append(suite.size()).append(" scenarios");
        if (completeness) {
            line.append(", completeness ").append(CompletenessCheck.questionCount()).append(" questions");
        }
        line.append(": ").append(problems.isEmpty() ? "OK" : problems.size() + " problem(s), FAILED");
        return line.append(String.format(Locale.ROOT, " (%.1f s)", nanos / 1e9)).toString();
    }
}
