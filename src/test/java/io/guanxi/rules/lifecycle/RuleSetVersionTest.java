package io.guanxi.rules.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guanxi.rules.DefaultRules;
import io.guanxi.rules.RuleSetSource;
import io.guanxi.rules.compile.RuleSetCompilerTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rule-set version names exactly the rule files' bytes: nothing else moves it. */
class RuleSetVersionTest {

    @TempDir
    Path one;

    @TempDir
    Path two;

    @Test
    void sameFilesGiveTheSameVersion() throws IOException {
        RuleSetCompilerTest.copyRules(one);
        RuleSetCompilerTest.copyRules(two);

        String version = RuleSetSource.read(one).version();
        assertEquals(version, RuleSetSource.read(two).version());
        assertEquals(DefaultRules.ruleSet().version(), version, "the directory's name is not part of the version");
        assertTrue(version.matches("sha256:[0-9a-f]{64}"), version);
    }

    @Test
    void changingOneByteChangesTheVersion() throws IOException {
        RuleSetCompilerTest.copyRules(one);
        String before = RuleSetSource.read(one).version();
        Path drl = one.resolve("relationship-type.drl");
        byte[] bytes = Files.readAllBytes(drl);
        int at = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf("0.30");
        bytes[at + 3] = '1';
        Files.write(drl, bytes);

        assertNotEquals(before, RuleSetSource.read(one).version());
    }

    @Test
    void changingTheActionCatalogueChangesTheVersion() throws IOException {
        RuleSetCompilerTest.copyRules(one);
        String before = RuleSetSource.read(one).version();
        Files.writeString(one.resolve("actions.csv"), Files.readString(one.resolve("actions.csv")) + "\n");

        assertNotEquals(before, RuleSetSource.read(one).version());
    }

    @Test
    void renamingARuleFileChangesTheVersion() throws IOException {
        RuleSetCompilerTest.copyRules(one);
        String before = RuleSetSource.read(one).version();
        Files.move(one.resolve("lifecycle-stage.drl"), one.resolve("lifecycle.drl"));

        assertNotEquals(before, RuleSetSource.read(one).version());
    }

    @Test
    void readmeScenarioTestsAndHiddenFilesDoNotChangeTheVersion() throws IOException {
        RuleSetCompilerTest.copyRules(one);
        String before = RuleSetSource.read(one).version();
        Files.writeString(one.resolve("README.md"), "# How to change the rules\n");
        Files.createDirectories(one.resolve("tests"));
        Files.writeString(one.resolve("tests/stable.yaml"), "given: {}\n");
        Files.writeString(one.resolve("tests/extra.drl"), "package guanxi;\n");
        Files.writeString(one.resolve(".notes.drl"), "package guanxi;\n");

        assertEquals(before, RuleSetSource.read(one).version());
        assertEquals(RuleSetSource.read(Path.of("rules")).files().size(), RuleSetSource.read(one).files().size());
    }
}
