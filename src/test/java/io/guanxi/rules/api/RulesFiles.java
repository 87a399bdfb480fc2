package io.guanxi.rules.api;

import io.guanxi.rules.scenario.ScenarioSuite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Copies and edits rule files in a temporary directory, the way an analyst would break them. */
final class RulesFiles {

    private RulesFiles() {
    }

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                Files.createDirectories(target.getParent());
                Files.copy(p, target);
            }
        }
    }

    /** Replaces the first occurrence and returns its line. */
    static int replace(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        int at = text.indexOf(from);
        if (at < 0) {
            throw new IllegalStateException(from + " not in " + file);
        }
        Files.writeString(file, text.substring(0, at) + to + text.substring(at + from.length()));
        return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    static void removeRule(Path file, String id) throws IOException {
        String text = Files.readString(file);
        int start = text.indexOf("rule \"" + id);
        int end = text.indexOf("\nend", start) + 4;
        Files.writeString(file, text.substring(0, start) + text.substring(end));
    }

    /** Leaves the rules alone and removes the scenarios, so only the completeness check can fail. */
    static void deleteScenarios(Path rulesDir) throws IOException {
        try (Stream<Path> walk = Files.walk(rulesDir.resolve(ScenarioSuite.TESTS_DIR))) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                Files.delete(p);
            }
        }
    }
}
