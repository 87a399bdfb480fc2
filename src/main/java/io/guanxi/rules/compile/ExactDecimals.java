package io.guanxi.rules.compile;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes every decimal literal in rule conditions an exact decimal. Drools reads {@code 0.10} in a
 * condition as a binary double (0.1000000000000000055…), so a share that fell from 0.6 to 0.5 would
 * not have fallen "by 0.10 or more". Analysts write plain literals; before compiling, each decimal
 * literal between {@code when} and {@code then} gets the {@code B} suffix (Drools' BigDecimal
 * literal), whether written {@code 0.10}, {@code .10} or {@code 1.0e-1}: each would otherwise be a
 * double. Strings and comments are left alone, and no line moves, so errors keep their lines.
 */
final class ExactDecimals {

    private static final Pattern TOKEN = Pattern.compile(
            "//[^\\n]*|/\\*.*?\\*/|\"(?:\\\\.|[^\"\\\\])*\"|'(?:\\\\.|[^'\\\\])*'"
                    + "|\\b(when|then|end)\\b"
                    + "|(?<![\\w.$])((?:\\d+\\.\\d+|\\.\\d+)(?:[eE][+-]?\\d+)?|\\d+[eE][+-]?\\d+)(?![\\w.])",
            Pattern.DOTALL);

    private ExactDecimals() {
    }

    static String rewrite(String drl) {
        Matcher m = TOKEN.matcher(drl);
        StringBuilder out = new StringBuilder(drl.length() + 64);
        boolean inConditions = false;
        while (m.find()) {
            String replacement = m.group();
            if (m.group(1) != null) {
                inConditions = m.group(1).equals("when");
            } else if (m.group(2) != null && inConditions) {
                replacement = m.group(2) + "B";
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
