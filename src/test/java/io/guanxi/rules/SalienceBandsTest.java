package io.guanxi.rules;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A rule file that states its salience band keeps every rule inside it, and rules/README.md states the same band. */
class SalienceBandsTest {

    private static final Path RULES = Path.of("rules");
    private static final Pattern BAND = Pattern.compile("(?m)^// .*\\(band (\\d+)-(\\d+)\\)");
    private static final Pattern SALIENCE = Pattern.compile("(?m)^\\s*salience (\\d+)");

    static List<Path> filesWithABand() throws IOException {
        try (Stream<Path> files = Files.list(RULES)) {
            return files.filter(f -> f.toString().endsWith(".drl")).filter(f -> BAND.matcher(read(f)).find())
                    .sorted().toList();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filesWithABand")
    void everyRuleIsInsideTheBandItsFileAndTheReadmeState(Path file) throws IOException {
        String text = read(file);
        Matcher band = BAND.matcher(text);
        assertTrue(band.find());
        int high = Integer.parseInt(band.group(1));
        int low = Integer.parseInt(band.group(2));
        for (Matcher s = SALIENCE.matcher(text); s.find(); ) {
            int salience = Integer.parseInt(s.group(1));
            assertTrue(salience >= low && salience <= high, file + ": salience " + salience + " is outside the band "
                    + high + "-" + low + " its header states");
        }
        String readme = Files.readString(RULES.resolve("README.md"));
        assertTrue(readme.contains(high + "–" + low), "rules/README.md does not state the band " + high + "–" + low
                + " of " + file);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
