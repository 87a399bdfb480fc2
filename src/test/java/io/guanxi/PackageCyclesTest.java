package io.guanxi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** No package of the service imports a package that imports it back, directly or through others. */
class PackageCyclesTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Pattern PACKAGE = Pattern.compile("(?m)^package ([\\w.]+);");
    /** The package part of an import: the words before the first capitalised one. */
    private static final Pattern IMPORT = Pattern.compile("(?m)^import (?:static )?(io\\.guanxi(?:\\.[a-z]\\w*)*)\\.[A-Z]");

    @Test
    void noPackageDependsOnItselfThroughAnother() throws IOException {
        Map<String, Set<String>> imports = imports();
        List<String> cycles = new ArrayList<>();
        imports.forEach((from, targets) -> targets.stream()
                .filter(to -> reaches(imports, to, from))
                .forEach(to -> cycles.add(from + " -> " + to + " -> ... -> " + from)));
        assertEquals(List.of(), cycles);
    }

    private static Map<String, Set<String>> imports() throws IOException {
        Map<String, Set<String>> imports = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String text = Files.readString(file);
                Matcher pkg = PACKAGE.matcher(text);
                String from = pkg.find() ? pkg.group(1) : "";
                Set<String> targets = imports.computeIfAbsent(from, p -> new TreeSet<>());
                for (Matcher m = IMPORT.matcher(text); m.find(); ) {
                    if (!m.group(1).equals(from)) {
                        targets.add(m.group(1));
                    }
                }
            }
        }
        return imports;
    }

    private static boolean reaches(Map<String, Set<String>> imports, String start, String goal) {
        Set<String> seen = new HashSet<>();
        List<String> todo = new ArrayList<>(List.of(start));
        while (!todo.isEmpty()) {
            String next = todo.remove(todo.size() - 1);
            if (next.equals(goal)) {
                return true;
            }
            if (seen.add(next)) {
                todo.addAll(imports.getOrDefault(next, Set.of()));
            }
        }
        return false;
    }
}
