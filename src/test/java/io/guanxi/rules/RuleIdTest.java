package io.guanxi.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A rule's id is the first word of its name, 1 to 32 characters the decision log's index can hold. */
class RuleIdTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"TIER-010", "coop_1", "v1.2", "A", "-", "abcdefghijklmnopqrstuvwxyz012345"})
    void idsOfOneTo32LettersDigitsDashesUnderscoresAndDotsAreTaken(String id) {
        assertEquals(id, RuleId.parse(id).toString());
        assertEquals(id, RuleId.ofRuleName(id + " some prose -> STABLE").toString());
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "abcdefghijklmnopqrstuvwxyz0123456", "TIER:010", "TIER 010", "生命周期-020", "TIER-010\t", "é"})
    void anythingElseIsRefusedNamingTheGrammar(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RuleId.parse(text));
        assertEquals("\"" + text + "\" is not a rule id: a rule id is 1 to 32 characters of A-Z, a-z, 0-9, '-', '_' and '.'",
                e.getMessage());
    }

    @Test
    void aNameWithoutSpaceIsItsOwnId() {
        assertEquals("NBA-090", RuleId.ofRuleName("NBA-090").toString());
        assertEquals("NBA-090", RuleId.ofRuleName(" NBA-090 ").toString());
    }

    @Test
    void aNameThatDoesNotStartWithAnIdIsRefusedNamingTheWord() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RuleId.ofRuleName("COOPERATION-STAGE-STRATEGIC-UPGRADE-040 share -> STRATEGIC"));
        assertEquals("rule id \"COOPERATION-STAGE-STRATEGIC-UPGRADE-040\" is not a valid id: the first word of a rule's"
                + " name is its id, 1 to 32 characters of A-Z, a-z, 0-9, '-', '_' and '.'", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RuleId.ofRuleName(""));
    }

    @Test
    void theHandWrittenCheckTakesExactlyWhatTheGrammarTakes() {
        Pattern grammar = Pattern.compile(RuleId.GRAMMAR);
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            for (String id : new String[] {String.valueOf(c), "A" + c + "9"}) {
                assertEquals(grammar.matcher(id).matches(), RuleId.valid(id), id);
            }
        }
        for (int length = 0; length <= 34; length++) {
            String id = "a".repeat(length);
            assertEquals(grammar.matcher(id).matches(), RuleId.valid(id), "length " + length);
        }
    }
}
