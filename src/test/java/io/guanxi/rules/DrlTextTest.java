package io.guanxi.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class DrlTextTest {

    @Test
    void commentsAndLiteralContentsAreBlankedInPlace() {
        String drl = "a // b \"c\"\nd /* e\n'f' */ g \"h // i\" 'j\\'k' l";
        DrlText text = DrlText.of(drl);

        assertEquals("a         \nd     \n       g \"      \" '    ' l", text.code());
        assertEquals(drl.length(), text.code().length());
    }

    @Test
    void aLiteralIsReadByItsOpeningQuote() {
        DrlText text = DrlText.of("propose(\"WIN_BACK\", 'X\\'Y') // \"NOT_THIS\"");

        assertEquals("WIN_BACK", text.literalAt(8));
        assertEquals("X\\'Y", text.literalAt(20));
        assertNull(text.literalAt(9));
        assertNull(text.literalAt(31), "a quote inside a comment opens no literal");
    }

    @Test
    void linesCountFromOneAcrossComments() {
        DrlText text = DrlText.of("/* one\ntwo */\n\"three\nstill three\" x");

        assertEquals(3, text.lineOf(text.text().indexOf("\"three")));
        assertEquals(4, text.lineOf(text.text().indexOf(" x")));
        assertEquals(text.text().lines().count(), text.code().lines().count());
    }

    @Test
    void anUnterminatedLiteralOrCommentRunsToTheEnd() {
        assertEquals("x \"    ", DrlText.of("x \"abcd").code());
        assertEquals("x       ", DrlText.of("x /* abc").code());
    }

    @Test
    void aHugeLiteralIsReadWithoutRecursion() {
        String huge = "x".repeat(200_000) + "\\\"".repeat(50_000);
        DrlText text = DrlText.of("rule \"" + huge + "\" when then end");

        assertEquals(huge, text.literalAt(5));
        assertEquals(" when then end", text.code().substring(text.code().length() - 14));
    }
}
