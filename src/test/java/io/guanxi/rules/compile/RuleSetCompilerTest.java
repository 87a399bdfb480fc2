package io.guanxi.rules.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guanxi.rules.DefaultRules;
import io.guanxi.rules.RuleSetException;
import io.guanxi.rules.RuleSetSource;
import io.guanxi.rules.engine.RuleSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A broken rule set is rejected with every error pointing at the analyst's file and line. */
public class RuleSetCompilerTest {

    @TempDir
    Path dir;

    @Test
    void shippedRulesCompileFromACopy() throws IOException {
        copyRules();
        RuleSet ruleSet = compile();
        assertEquals(DefaultRules.ruleSet().version(), ruleSet.version());
        assertEquals(DefaultRules.ruleSet().ruleCount(), ruleSet.ruleCount());
    }

    @Test
    void syntaxErrorNamesTheFileAndLine() throws IOException {
        copyRules();
        int line = replace("lifecycle-stage.drl", "revenueTrend <= -0.20)", "revenueTrend <= -0.20 &&& )");

        List<String> errors = rejected();
        String prefix = dir.resolve("lifecycle-stage.drl") + ":" + line;
        assertTrue(errors.stream().anyMatch(e -> e.startsWith(prefix + ":") && e.length() > prefix.length() + 3),
                "expected an error at " + prefix + " in " + errors);
    }

    @Test
    void unknownFactFieldNamesTheFile() throws IOException {
        copyRules();
        int line = replace("lifecycle-stage.drl", "tenureMonths < 6", "tenureMonth < 6");

        List<String> errors = rejected();
        String file = dir.resolve("lifecycle-stage.drl").toString();
        assertTrue(errors.stream().anyMatch(e -> e.startsWith(file + ":") && e.contains("tenureMonth")),
                "expected an error naming " + file + " in " + errors);
        assertTrue(errors.stream().noneMatch(e -> e.startsWith(dir.resolve("next-best-action.drl").toString())), errors.toString());
        assertTrue(line > 0);
    }

    @Test
    void twoRulesWithOneIdAreRejectedNamingBoth() throws IOException {
        copyRules();
        int first = lineOf("lifecycle-stage.drl", "rule \"LIFE-020 ");
        int second = replace("next-best-action.drl", "rule \"NBA-090 ", "rule \"LIFE-020 ");

        List<String> errors = rejected();
        assertTrue(errors.contains(dir.resolve("next-best-action.drl") + ":" + second + ": rule id LIFE-020 is already used at "
                + dir.resolve("lifecycle-stage.drl") + ":" + first
                + " (the first word of a rule's name is its id, and ids must be unique)"), errors.toString());
    }

    @Test
    void ruleIdsTheDecisionLogCannotIndexAreRejectedWithFileAndLine() throws IOException {
        copyRules();
        String tooLong = "COOPERATION-STAGE-STRATEGIC-UPGRADE-040";
        int longLine = replace("next-best-action.drl", "rule \"NBA-090 ", "rule \"" + tooLong + " ");
        int chineseLine = replace("lifecycle-stage.drl", "rule \"LIFE-020 ", "rule \"生命周期-020 ");

        List<String> errors = rejected();
        String rule = "the first word of a rule's name is its id, 1 to 32 characters of A-Z, a-z, 0-9, '-', '_' and '.'";
        assertTrue(errors.contains(dir.resolve("next-best-action.drl") + ":" + longLine + ": rule id \"" + tooLong
                + "\" is not a valid id: " + rule + " (the decision log indexes decisions by it)"), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.startsWith(dir.resolve("lifecycle-stage.drl") + ":" + chineseLine
                + ": rule id \"生命周期-020\" is not a valid id")), errors.toString());
    }

    @Test
    void misspeltActionCodeNamesTheFileAndLine() throws IOException {
        copyRules();
        int line = replace("next-best-action.drl", "\"FEEDBACK_CHANNEL\"", "\"FEEDBACK_CHANEL\"");

        List<String> errors = rejected();
        assertTrue(errors.contains(dir.resolve("next-best-action.drl") + ":" + line
                + ": action FEEDBACK_CHANEL is not in actions.csv"), errors.toString());
    }

    @Test
    void actionMissingFromTheCatalogueNamesEveryProposingLine() throws IOException {
        copyRules();
        Path csv = dir.resolve("actions.csv");
        Files.writeString(csv, Files.readString(csv).replace("JOINT_PLANNING,共同制定发展战略\n", ""));
        int first = lineOf("next-best-action.drl", "\"JOINT_PLANNING\", \"EXECUTIVE_SPONSOR\"");
        int second = lineOf("next-best-action.drl", "140, \"JOINT_PLANNING\"");

        List<String> errors = rejected();
        String file = dir.resolve("next-best-action.drl").toString();
        assertTrue(errors.contains(file + ":" + first + ": action JOINT_PLANNING is not in actions.csv"), errors.toString());
        assertTrue(errors.contains(file + ":" + second + ": action JOINT_PLANNING is not in actions.csv"), errors.toString());
    }

    @Test
    void anActionInACommentIsNoProposal() throws IOException {
        copyRules();
        appendTo("next-best-action.drl", """
                // Actions.propose(drools, 9, 990, "RETIRED_ACTION");
                /* A rule kept for reference:
                   Actions.propose(drools, 9, 991, "ANOTHER_RETIRED_ACTION");
                */
                """);

        compile();
    }

    @Test
    void aSlashPairInsideAStringStartsNoCommentAndLinesStayExact() throws IOException {
        copyRules();
        // Both proposals are code: the URL's // is inside a literal, and the unknown action after it is still found.
        int line = appendTo("next-best-action.drl", """
                /* a comment
                   of three lines */
                rule "NBA-990 a rule that proposes an unknown action"
                when
                    eval("http://crm.example/" != null)
                then
                    Actions.propose(drools, 9, 990, "NOT_IN_CATALOGUE");
                end
                """) + 6;

        List<String> errors = rejected();
        assertEquals(List.of(dir.resolve("next-best-action.drl") + ":" + line + ": action NOT_IN_CATALOGUE is not in actions.csv"),
                errors);
    }

    @Test
    void aRuleHeadInACommentIsNoRule() throws IOException {
        copyRules();
        appendTo("lifecycle-stage.drl", "// rule \"LIFE-020 an old copy kept as a note\"\n");

        compile();
    }

    @Test
    void missingActionCatalogueIsRejected() throws IOException {
        copyRules();
        Files.delete(dir.resolve("actions.csv"));

        List<String> errors = rejected();
        assertTrue(errors.contains(dir.resolve("actions.csv") + ": the action catalogue is missing"), errors.toString());
    }

    @Test
    void emptyDirectoryIsRejected() {
        RuleSetException e = assertThrows(RuleSetException.class, () -> RuleSetSource.read(dir));
        assertEquals(1, e.errors().size());
        assertTrue(e.errors().get(0).startsWith(dir.toString()), e.errors().toString());
    }

    @Test
    void directoryWithOnlyReadmeAndCatalogueIsRejected() throws IOException {
        Files.writeString(dir.resolve("README.md"), "# rules\n");
        Files.copy(Path.of("rules", "actions.csv"), dir.resolve("actions.csv"));
        assertThrows(RuleSetException.class, () -> RuleSetSource.read(dir));
    }

    @Test
    void missingDirectoryIsRejected() {
        assertThrows(RuleSetException.class, () -> RuleSetSource.read(dir.resolve("nowhere")));
    }

    private RuleSet compile() {
        return new RuleSetCompiler(DefaultRules.PINNED).compile(RuleSetSource.read(dir));
    }

    private List<String> rejected() {
        return assertThrows(RuleSetException.class, this::compile).errors();
    }

    private void copyRules() throws IOException {
        copyRules(dir);
    }

    public static void copyRules(Path target) throws IOException {
        try (Stream<Path> files = Files.list(Path.of("rules"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, target.resolve(f.getFileName().toString()));
            }
        }
    }

    /** Replaces the only occurrence of a text in a copied file; returns its 1-based line. */
    private int replace(String file, String text, String replacement) throws IOException {
        Path path = dir.resolve(file);
        String content = Files.readString(path, StandardCharsets.UTF_8);
        assertEquals(content.indexOf(text), content.lastIndexOf(text), "ambiguous: " + text);
        int line = lineOf(file, text);
        Files.writeString(path, content.replace(text, replacement), StandardCharsets.UTF_8);
        return line;
    }

    /** Appends text to a copied rule file; returns the line the text starts on. */
    private int appendTo(String file, String text) throws IOException {
        Path path = dir.resolve(file);
        String content = Files.readString(path);
        String joined = content.endsWith("\n") ? content : content + "\n";
        Files.writeString(path, joined + text);
        return (int) joined.chars().filter(c -> c == '\n').count() + 1;
    }

    private int lineOf(String file, String text) throws IOException {
        String content = Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
        int at = content.indexOf(text);
        assertTrue(at >= 0, "not found: " + text);
        return (int) content.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }
}
