package io.guanxi.rules.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * One random change to one shipped rule file (DRL, decision table, action catalogue or scenario
 * YAML), as a careless edit would make it: lines deleted, repeated or swapped, tokens swapped,
 * garbage inserted, the file cut short, strings and comments broken, or the file replaced.
 */
record RuleFileMutation(String file, String kind, int a, int b, String garbage) {

    static final List<String> FILES = List.of("cooperation-stage.drl", "lifecycle-stage.drl", "key-account-tier.drl",
            "relationship-type.drl", "next-best-action.drl", "relationship-type.drl.csv", "actions.csv",
            "tests/cooperation-stage.yaml", "tests/key-account-tier.yaml", "tests/next-best-action.yaml");
    private static final List<String> KINDS = List.of("delete line", "duplicate line", "swap lines", "swap tokens",
            "insert garbage", "truncate", "break string", "break comment", "replace file");

    static Arbitrary<RuleFileMutation> arbitrary() {
        Arbitrary<String> garbage = Arbitraries.oneOf(
                Arbitraries.of("\"", "'", "(", ")", "{", "}", "end", "then", "rule \"X\"", "when", "/*", "*/", "//", ",", ";",
                        "salience -", "\u0000", "\uFEFF", "\u5173\u7CFB", ": [", "- {", "&&", "$x :", "1e999", "\t", "#", "---", "\\"),
                Arbitraries.strings().ofMaxLength(20));
        return Combinators.combine(Arbitraries.of(FILES), Arbitraries.of(KINDS), Arbitraries.integers().between(0, 100_000),
                Arbitraries.integers().between(0, 100_000), garbage).as(RuleFileMutation::new);
    }

    /** The file's text after the change. */
    String apply(String text) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        int i = a % lines.size();
        int j = b % lines.size();
        switch (kind) {
            case "delete line" -> lines.remove(i);
            case "duplicate line" -> lines.add(i, lines.get(i));
            case "swap lines" -> Collections.swap(lines, i, j);
            case "swap tokens" -> lines.set(i, swapTokens(lines.get(i)));
            case "insert garbage" -> lines.set(i, insert(lines.get(i), garbage));
            case "truncate" -> {
                return text.substring(0, a % (text.length() + 1));
            }
            case "break string" -> {
                return breakFirst(text, "\"");
            }
            case "break comment" -> {
                return breakFirst(text, text.contains("/*") ? "*/" : "//");
            }
            default -> {
                return garbage;
            }
        }
        return String.join("\n", lines);
    }

    private String swapTokens(String line) {
        List<String> tokens = new ArrayList<>(List.of(line.split(" ", -1)));
        Collections.swap(tokens, a % tokens.size(), b % tokens.size());
        return String.join(" ", tokens);
    }

    private String insert(String line, String piece) {
        int at = b % (line.length() + 1);
        return line.substring(0, at) + piece + line.substring(at);
    }

    /** Removes the n-th occurrence (n from {@code a}) of {@code token}, breaking a string or a comment. */
    private String breakFirst(String text, String token) {
        List<Integer> places = new ArrayList<>();
        for (int at = text.indexOf(token); at >= 0; at = text.indexOf(token, at + 1)) {
            places.add(at);
        }
        if (places.isEmpty()) {
            return text + token;
        }
        int at = places.get(a % places.size());
        return text.substring(0, at) + text.substring(at + token.length());
    }
}
