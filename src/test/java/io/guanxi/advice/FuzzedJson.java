package io.guanxi.advice;

import java.math.BigDecimal;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

/** JSON text for fuzzing: every spelling of a number, strings of odd Unicode, exact quoting. */
final class FuzzedJson {

    private static final String ID_CHARS = "ABCXYZabcxyz0189._:-";
    /** Pieces that break naive text handling: pairs, combining marks, direction, zero width, controls, quotes. */
    private static final List<String> ODD = List.of("\uD83D\uDE00", "e\u0301", "\u202E", "\u200B", "\uFEFF", "\u0000", "\u001F",
            "\u2028", "\u5173\u7CFB", "\uFF21", "\"", "\\", "/", "\n", "\t", " ", "\uD800", "\uDFFF", "\uFFFF", "a", "Z", "9");

    private FuzzedJson() {
    }

    /** The same decimal written as a JSON number in several ways: plain, scientific, padded. */
    static Arbitrary<String> spellings(BigDecimal n) {
        String plain = n.toPlainString();
        String padded = plain.contains(".") ? plain + "00" : plain + ".000";
        String scientific = n.unscaledValue() + "e" + (-n.scale());
        String upper = n.unscaledValue() + "E" + (n.scale() <= 0 ? "+" + (-n.scale()) : "-" + n.scale());
        return Arbitraries.of(plain, n.toString(), padded, scientific, upper);
    }

    /** Mostly well-formed ids (length 0 to 70 of the id alphabet), sometimes with one odd piece in it. */
    static Arbitrary<String> idText() {
        Arbitrary<String> plain = Arbitraries.strings().withChars(ID_CHARS).ofMinLength(0).ofMaxLength(70);
        Arbitrary<String> odd = plain.flatMap(p -> Arbitraries.of(ODD).flatMap(o -> Arbitraries.integers().between(0, p.length())
                .map(at -> p.substring(0, at) + o + p.substring(at))));
        return Arbitraries.frequencyOf(Tuple.of(4, plain), Tuple.of(1, odd));
    }

    /** Text of {@code min..max} pieces, each an ordinary letter or an odd piece of Unicode. */
    static Arbitrary<String> oddText(int min, int max) {
        return Arbitraries.of(ODD).list().ofMinSize(min).ofMaxSize(max).map(pieces -> String.join("", pieces));
    }

    /** A JSON string literal of exactly this text; lone surrogates and controls as escapes, the rest raw. */
    static String quote(String text) {
        StringBuilder json = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
            if (paired) {
                json.append(c).append(text.charAt(++i));
            } else if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c)) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }

    static boolean hasLoneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
