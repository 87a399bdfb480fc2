package io.guanxi.rules.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guanxi.testing.FuzzBudget;
import io.guanxi.testing.TestFiles;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Fuzzes the analysts' command with one shipped rule file mutated at random ({@link RuleFileMutation}),
 * in-process on a copy of {@code rules/}: it always ends within a bound, exits 0 or 1, prints no
 * stack trace or Java name, and every line it prints names a file (and where it can a line) of the
 * rule set, or is the summary. It runs {@code rules test}: the same reading, compiling, scenarios
 * and reporting as {@code rules check} without the completeness grid, which alone takes some ten
 * seconds a run here and would leave the time budget one or two tries ({@code RulesCommandTest}
 * covers check's completeness lines). Seed, tries and time budget: see {@link FuzzBudget}.
 */
@AddLifecycleHook(FuzzBudget.class)
class RulesCheckFuzzTest {

    private static final ExecutorService RUNNER = Executors.newSingleThreadExecutor();
    /** An uncaught failure's traces; fact class names may appear, as the analysts write them in DRL imports too. */
    private static final Pattern LEAK = Pattern.compile("java\\.lang\\.|org\\.(drools|kie|yaml)\\.|Exception|\\tat |^\\s+at ", Pattern.MULTILINE);

    @AfterContainer
    static void stop() {
        RUNNER.shutdownNow();
    }

    @Property(tries = 60)
    void mutatedRuleFileIsReportedInPlace(@ForAll("mutations") RuleFileMutation mutation) throws Exception {
        assertReportedInPlace("test", mutation);
    }

    /** {@code rules check} itself, completeness grid and all: a few tries fit the time budget. */
    @Property(tries = 4)
    void mutatedRuleFileIsReportedInPlaceByTheFullCheck(@ForAll("mutations") RuleFileMutation mutation) throws Exception {
        assertReportedInPlace("check", mutation);
    }

    private static void assertReportedInPlace(String command, RuleFileMutation mutation) throws Exception {
        Path dir = Files.createTempDirectory("rules-fuzz");
        try {
            RulesFiles.copy(Path.of("rules"), dir);
            Path file = dir.resolve(mutation.file());
            Files.writeString(file, mutation.apply(Files.readString(file)));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Future<Integer> run = RUNNER.submit(() -> RulesCommand.run(new String[] {command, dir.toString()},
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8)));
            int exit = run.get(60, TimeUnit.SECONDS);
            String output = out.toString(StandardCharsets.UTF_8);
            assertTrue(exit == 0 || exit == 1, () -> mutation + " -> exit " + exit + "\n" + output);
            assertFalse(LEAK.matcher(output).find(), () -> mutation + " -> internal detail:\n" + output);
            for (String line : output.split("\n")) {
                assertTrue(placed(dir, line), () -> mutation + " -> a line that names no place: " + line + "\n" + output);
            }
        } finally {
            TestFiles.deleteTree(dir);
        }
    }

    /** A line names a file of the set ({@code path:line:column: message}, {@code path: message}), or is a summary. */
    private static boolean placed(Path dir, String line) {
        return line.startsWith(dir + "/") && line.indexOf(':', dir.toString().length()) > 0
                || line.startsWith(dir + ": ") || line.startsWith("completeness: ");
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<RuleFileMutation> mutations() {
        return RuleFileMutation.arbitrary();
    }
}
