package io.guanxi.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** A rule set that wants to go live: its rule files and the scenario files that must pass first. */
public record Candidate(RuleSetSource rules, List<RuleFile> scenarios) {

    public static final String SCENARIO_DIR = "tests";

    /** The rule files and {@code tests/*.yaml} scenario files of a rules directory, as they are now. */
    public static Candidate read(Path rulesDir) {
        return new Candidate(RuleSetSource.read(rulesDir), readScenarios(rulesDir));
    }

    public String version() {
        return rules.version();
    }

    private static List<RuleFile> readScenarios(Path rulesDir) {
        Path dir = rulesDir.resolve(SCENARIO_DIR);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().matches("[^.].*\\.ya?ml"))
                    .sorted(Comparator.comparing(Path::toString))
                    .map(p -> new RuleFile(SCENARIO_DIR + "/" + p.getFileName(), bytes(p)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list scenario files in " + dir, e);
        }
    }

    private static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
