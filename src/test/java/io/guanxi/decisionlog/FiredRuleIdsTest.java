package io.guanxi.decisionlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rule ids a stored decision's fired rules name, from either storage form. */
class FiredRuleIdsTest {

    @Test
    void anOlderRecordNamesItsRulesByFullNameEachStartingWithItsId() {
        assertEquals(List.of("TIER-010", "COOP-100"), FiredRuleIds.of(
                "[\"TIER-010 大客户：年收入达标\", \"COOP-100 初期合作\", \"TIER-010 大客户：年收入达标\"]", null));
    }

    @Test
    void aRecordOfFactsNamesTheRuleOfEachFiringOnceInFiringOrder() {
        String trace = "{\"outputs\":[{\"output\":\"tier\",\"code\":\"KEY\",\"firings\":[1]}],"
                + "\"firings\":[{\"rule\":\"COOP-100\",\"values\":{\"rule\":\"NOT-A-RULE\"},\"basedOn\":[]},"
                + "{\"rule\":\"TIER-020\",\"values\":{},\"basedOn\":[0]},{\"rule\":\"COOP-100\",\"values\":{}}],"
                + "\"actions\":[[\"NBA-090\"]]}";
        assertEquals(List.of("COOP-100", "TIER-020"), FiredRuleIds.of(null, trace),
                "a binding named rule and the actions' rule ids are not firings");
    }

    @Test
    void storedRulesThatCannotBeReadAreNoneForTheIndexButAnErrorWhenAskedDirectly() {
        assertThrows(UncheckedIOException.class, () -> FiredRuleIds.of(null, "not a trace"));
        assertEquals(List.of(), FiredRuleIds.ofStored(7, null, "not a trace"));
        assertEquals(List.of(), FiredRuleIds.ofStored(7, "[\"\"]", null));
    }
}
