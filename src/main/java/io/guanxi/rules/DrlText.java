package io.guanxi.rules;

import java.util.Map;
import java.util.TreeMap;

/**
 * A DRL file read once the way Drools reads it: its {@code //} and {@code /* … *}{@code /} comments
 * and the contents of its string literals ({@code "…"} and {@code '…'}, escapes included) told apart
 * from its code. Every check that reads rule text searches {@link #code()}, in which comments and
 * literal contents are blanked, so a commented-out rule or a word inside a message is never taken
 * for code; the value of a literal is asked for by where its opening quote is. Offsets, lines and
 * columns are the file's own: blanking keeps every character's place and every line break.
 * One linear pass, no regular expression: a mutated file with a 100,000-character literal reads as
 * fast as any other.
 */
public final class DrlText {

    private final String text;
    private final String code;
    /** Each literal's contents as written (escapes kept), by the offset of its opening quote. */
    private final Map<Integer, String> literals;

    private DrlText(String text, String code, Map<Integer, String> literals) {
        this.text = text;
        this.code = code;
        this.literals = literals;
    }

    /** Reads one file's text. An unterminated comment or literal runs to the end of the file, as Drools would complain. */
    public static DrlText of(String text) {
        StringBuilder code = new StringBuilder(text);
        Map<Integer, String> literals = new TreeMap<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
                int end = text.indexOf('\n', i);
                i = blank(code, i, end < 0 ? n : end);
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                int end = text.indexOf("*/", i + 2);
                i = blank(code, i, end < 0 ? n : end + 2);
            } else if (c == '"' || c == '\'') {
                int end = closing(text, i, c);
                literals.put(i, text.substring(i + 1, Math.max(i + 1, end - 1)));
                blank(code, i + 1, end - 1);
                i = end;
            } else {
                i++;
            }
        }
        return new DrlText(text, code.toString(), literals);
    }

    /** The file as written. */
    public String text() {
        return text;
    }

    /** The file with comments and the contents of string literals blanked (their quotes stay). */
    public String code() {
        return code;
    }

    /** The contents of the literal whose opening quote is at {@code quote}, or null if no literal starts there. */
    public String literalAt(int quote) {
        return literals.get(quote);
    }

    /** The 1-based line of an offset. */
    public int lineOf(int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** Just past the quote that closes the literal opened at {@code open}; the end of the text if none does. */
    private static int closing(String text, int open, char quote) {
        int i = open + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == quote) {
                return i + 1;
            } else {
                i++;
            }
        }
        return text.length() + 1;
    }

    /** Spaces over {@code [from, to)}, line breaks kept; returns {@code to}. */
    private static int blank(StringBuilder code, int from, int to) {
        int end = Math.min(to, code.length());
        for (int i = from; i < end; i++) {
            if (code.charAt(i) != '\n' && code.charAt(i) != '\r') {
                code.setCharAt(i, ' ');
            }
        }
        return to;
    }
}
