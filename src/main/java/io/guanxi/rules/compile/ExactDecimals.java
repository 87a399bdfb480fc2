package io.guanxi.rules.compile;

import io.guanxi.rules.DrlText;
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

    /** Searched in the code only (comments and literals blanked): a keyword, or a decimal literal. */
    private static final Pattern TOKEN = Pattern.compile(
            "\\b(when|then|end)\\b"
                    + "|(?<![\\w.$])((?:\\d+\\.\\d+|\\.\\d+)(?:[eE][+-]?\\d+)?|\\d+[eE][+-]?\\d+)(?![\\w.])");

    private ExactDecimals() {
    }

    static String rewrite(String drl) {
        return rewrite(DrlText.of(drl));
    }

    static String rewrite(DrlText drl) {
        Matcher m = TOKEN.matcher(drl.code());
        String text = drl.text();
        StringBuilder out = new StringBuilder(text.length() + 64);
        int copied = 0;
        boolean inConditions = false;
        while (m.find()) {
            if (m.group(1) != null) {
                inConditions = m.group(1).equals("when");
            } else if (inConditions) {
                out.append(text, copied, m.end(2)).append('B');
                copied = m.end(2);
            }
        }
        return out.append(text, copied, text.length()).toString();
    }
}
