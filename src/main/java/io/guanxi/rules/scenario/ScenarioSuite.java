package io.guanxi.rules.scenario;

import io.guanxi.facts.Advice;
import io.guanxi.rules.DrlText;
import io.guanxi.rules.RuleFile;
import io.guanxi.rules.engine.RuleSet;
import io.guanxi.rules.scenario.Scenario.CodeKind;
import io.guanxi.rules.scenario.Scenario.CodeReference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The analysts' scenario tests of a rule set ({@code tests/*.yaml}): given facts and stored state,
 * expected advice. Answers: does this rule set still decide every scenario the way analysts expect?
 */
public final class ScenarioSuite {

    public static final String TESTS_DIR = "tests/";
    /** In a rule file's code: a raised flag or entitlement, its code the literal whose quote group 2 is. */
    private static final Pattern RAISED = Pattern.compile("new\\s+(Flag|Entitlement)\\s*\\(\\s*([\"'])");

    private final List<Scenario> scenarios;
    private final List<String> errors;

    private ScenarioSuite(List<Scenario> scenarios, List<String> errors) {
        this.scenarios = List.copyOf(scenarios);
        this.errors = List.copyOf(errors);
    }

    /** The scenario files of a rules directory, with paths relative to it ({@code tests/x.yaml}), sorted. */
    public static List<RuleFile> read(Path rulesDir) {
        Path tests = rulesDir.resolve(TESTS_DIR);
        if (!Files.isDirectory(tests)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(tests)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> isScenarioFile(p.getFileName().toString()))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .map(p -> new RuleFile(TESTS_DIR + p.getFileName(), bytes(p)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read scenario files in " + tests, e);
        }
    }

    /**
     * Parses scenario files from their bytes; {@code directory} is only used to name them in
     * messages. Problems do not throw: they are in {@link #errors()}, and {@link #run} repeats them.
     */
    public static ScenarioSuite parse(String directory, List<RuleFile> scenarioFiles) {
        List<Scenario> scenarios = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (RuleFile file : scenarioFiles) {
            String path = Path.of(directory).resolve(file.path()).toString();
            scenarios.addAll(ScenarioFile.parse(path, file.content(), errors));
        }
        return new ScenarioSuite(scenarios, errors);
    }

    static boolean isScenarioFile(String name) {
        return !name.startsWith(".") && (name.endsWith(".yaml") || name.endsWith(".yml"));
    }

    /** Every {@code path:line:column: message} problem found while parsing. */
    public List<String> errors() {
        return errors;
    }

    /** The number of valid scenarios. */
    public int size() {
        return scenarios.size();
    }

    /** Names of the valid scenarios as {@code path: case}, in file order. */
    public List<String> names() {
        return scenarios.stream().map(s -> s.path() + ": " + s.name()).toList();
    }

    /**
     * Runs every scenario; returns nothing when all pass, else the parse errors, every code the rule
     * set does not know, and one {@code path: case: field expected X got Y} line per unmet expectation.
     */
    public List<String> run(RuleSet ruleSet) {
        List<String> problems = new ArrayList<>(errors);
        Map<CodeKind, Set<String>> known = knownCodes(ruleSet);
        for (Scenario scenario : scenarios) {
            problems.addAll(unknownCodes(scenario, known));
            problems.addAll(run(scenario, ruleSet));
        }
        return problems;
    }

    /** The failures of one scenario (the dynamic test of the runner uses this one by one). */
    List<String> run(int index, RuleSet ruleSet) {
        Scenario scenario = scenarios.get(index);
        List<String> problems = new ArrayList<>(unknownCodes(scenario, knownCodes(ruleSet)));
        problems.addAll(run(scenario, ruleSet));
        return problems;
    }

    private static List<String> run(Scenario scenario, RuleSet ruleSet) {
        Advice advice;
        try {
            advice = ruleSet.evaluate(scenario.facts(), scenario.stored());
        } catch (RuntimeException e) {
            return List.of(scenario.path() + ": " + scenario.name() + ": the rules could not decide: " + e.getMessage());
        }
        List<String> failures = new ArrayList<>();
        for (Expectation expectation : scenario.expectations()) {
            String failure = expectation.failure(scenario.path(), scenario.name(), advice);
            if (failure != null) {
                failures.add(failure);
            }
        }
        return failures;
    }

    private static List<String> unknownCodes(Scenario scenario, Map<CodeKind, Set<String>> known) {
        List<String> problems = new ArrayList<>();
        for (CodeReference ref : scenario.codes()) {
            Set<String> codes = known.get(ref.kind());
            if (!codes.contains(ref.code())) {
                problems.add(ref.where() + ": unknown " + ref.kind().noun() + " '" + ref.code()
                        + "'; the rules know " + codes);
            }
        }
        return problems;
    }

    /** Flags and entitlements the rule files can raise, and the actions of the catalogue. */
    private static Map<CodeKind, Set<String>> knownCodes(RuleSet ruleSet) {
        Map<CodeKind, Set<String>> known = new EnumMap<>(CodeKind.class);
        for (CodeKind kind : CodeKind.values()) {
            known.put(kind, new TreeSet<>());
        }
        for (RuleFile file : ruleSet.files()) {
            if (file.isDrl()) {
                DrlText drl = DrlText.of(new String(file.content(), StandardCharsets.UTF_8));
                Matcher m = RAISED.matcher(drl.code());
                while (m.find()) {
                    known.get(m.group(1).equals("Flag") ? CodeKind.FLAG : CodeKind.ENTITLEMENT).add(drl.literalAt(m.start(2)));
                }
            }
        }
        known.get(CodeKind.ACTION).addAll(ruleSet.catalogue().codes());
        return known;
    }

    private static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read scenario file " + file, e);
        }
    }
}
