package io.guanxi.rules;

import static org.junit.jupiter.api.Assertions.assertFalse;

import io.guanxi.rules.compile.RuleSetCompiler;
import io.guanxi.rules.engine.RuleSet;
import io.guanxi.rules.scenario.ScenarioSuite;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Moving any number in any rule condition of the shipped rules, a step up or down, makes some
 * scenario fail: the scenarios pin every threshold on both sides.
 */
class ThresholdMutationTest {

    private static final Pattern CONDITIONS = Pattern.compile("\\bwhen\\b(.*?)\\bthen\\b", Pattern.DOTALL);
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.\"$])\\d+(?:\\.\\d+)?(?![\\w.\"])");
    private static final Pattern BLANKS = Pattern.compile("\"[^\"\\n]*\"|//[^\\n]*");
    private static final Path RULES = Path.of("rules");
    private static final ScenarioSuite SUITE = ScenarioSuite.parse("rules", ScenarioSuite.read(RULES));

    @ParameterizedTest(name = "{0}")
    @MethodSource("mutations")
    void movingAThresholdFailsAScenario(String description, RuleSetSource mutated) {
        RuleSet ruleSet = new RuleSetCompiler(DefaultRules.PINNED).compile(mutated);
        assertFalse(SUITE.run(ruleSet).isEmpty(), description + " passed every scenario");
    }

    static Stream<Arguments> mutations() {
        RuleSetSource source = RuleSetSource.read(RULES);
        List<Arguments> mutations = new ArrayList<>();
        for (RuleFile file : source.files()) {
            if (!file.isDrl()) {
                continue;
            }
            String drl = BLANKS.matcher(new String(file.content(), StandardCharsets.UTF_8))
                    .replaceAll(m -> " ".repeat(m.group().length()));
            Matcher conditions = CONDITIONS.matcher(drl);
            while (conditions.find()) {
                Matcher number = NUMBER.matcher(drl).region(conditions.start(1), conditions.end(1));
                while (number.find()) {
                    for (int sign : new int[] {1, -1}) {
                        mutations.add(mutate(source, file, number.start(), number.group(), sign));
                    }
                }
            }
        }
        return mutations.stream();
    }

    private static Arguments mutate(RuleSetSource source, RuleFile file, int at, String literal, int sign) {
        BigDecimal value = new BigDecimal(literal);
        BigDecimal step = literal.contains(".") ? BigDecimal.ONE.movePointLeft(Math.max(value.scale(), 2)) : BigDecimal.ONE;
        String moved = value.add(step.multiply(BigDecimal.valueOf(sign))).toPlainString();
        String text = new String(file.content(), StandardCharsets.UTF_8);
        String changed = text.substring(0, at) + moved + text.substring(at + literal.length());
        int line = (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
        List<RuleFile> files = new ArrayList<>(source.files());
        files.set(files.indexOf(file), new RuleFile(file.path(), changed.getBytes(StandardCharsets.UTF_8)));
        return Arguments.of(file.path() + ":" + line + " " + literal + " -> " + moved, RuleSetSource.of(source.directory(), files));
    }
}
