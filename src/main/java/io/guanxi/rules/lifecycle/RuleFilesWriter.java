package io.guanxi.rules.lifecycle;

import io.guanxi.rules.RuleFile;
import io.guanxi.rules.RuleSetSource;
import io.guanxi.rules.scenario.ScenarioSuite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Writes a rule set's files back into the rules directory, so that disk and service agree after a
 * rollback: its rule and scenario files are written whole (each through a temporary file), and
 * rule or scenario files it does not have are removed. READMEs and other files are left alone.
 */
final class RuleFilesWriter {

    private final Path rulesDir;

    RuleFilesWriter(Path rulesDir) {
        this.rulesDir = rulesDir;
    }

    void replaceWith(Candidate candidate) {
        Set<String> keep = new HashSet<>();
        for (RuleFile file : concat(candidate.rules().files(), candidate.scenarios())) {
            write(file);
            keep.add(file.path());
        }
        for (Path stale : managedFiles()) {
            if (!keep.contains(relative(stale))) {
                delete(stale);
            }
        }
    }

    private void write(RuleFile file) {
        Path target = rulesDir.resolve(file.path());
        try {
            Files.createDirectories(target.getParent());
            Path temp = Files.createTempFile(target.getParent(), ".rollback-", ".tmp");
            Files.write(temp, file.content());
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    private List<Path> managedFiles() {
        try (Stream<Path> all = Files.walk(rulesDir)) {
            return all.filter(Files::isRegularFile)
                    .filter(p -> RuleSetSource.isRuleFile(relative(p)) || isScenario(relative(p)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + rulesDir, e);
        }
    }

    private static boolean isScenario(String relative) {
        return relative.matches(ScenarioSuite.TESTS_DIR + "[^/.][^/]*\\.ya?ml");
    }

    private String relative(Path file) {
        return rulesDir.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + file, e);
        }
    }

    private static List<RuleFile> concat(List<RuleFile> a, List<RuleFile> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }
}
