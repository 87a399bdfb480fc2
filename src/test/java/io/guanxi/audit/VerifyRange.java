package io.guanxi.audit;

import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * A fuzzed {@code from..to} of a chain verification, kept short when valid (the chain may be long):
 * numbers near the head, out of range, not numbers, given twice.
 */
record VerifyRange(String from, String to, boolean fromTwice) {

    static Arbitrary<VerifyRange> arbitrary(long head) {
        Arbitrary<String> near = Arbitraries.longs().between(Math.max(1, head - 30), head + 5).map(String::valueOf);
        Arbitrary<String> odd = Arbitraries.of("0", "-1", "", "abc", "1.5", "1e3", "99999999999999999999", "9223372036854775807",
                "-9223372036854775808", " 5", "+5", "0x10", "\u0661");
        Arbitrary<String> value = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, near), net.jqwik.api.Tuple.of(2, odd));
        Arbitrary<String> to = Arbitraries.oneOf(value, Arbitraries.just(null));
        return Combinators.combine(value, to, Arbitraries.of(false, false, false, true)).as(VerifyRange::new)
                .filter(r -> !r.invalid().isEmpty() || r.bounded(head));
    }

    String query() {
        StringBuilder q = new StringBuilder("?from=").append(encode(from));
        if (fromTwice) {
            q.append("&from=").append(encode(from));
        }
        return to == null ? q.toString() : q.append("&to=").append(encode(to)).toString();
    }

    /**
     * The parameters the service must name: each given value must be a plain number of at most 18
     * digits (no sign, no other script's digits, not empty, not given twice), from at least 1 and
     * to at least from.
     */
    Set<String> invalid() {
        Set<String> names = new TreeSet<>();
        Long f = fromTwice ? null : number(from);
        if (f == null || f < 1) {
            names.add("from");
        }
        Long t = to == null ? null : number(to);
        if (to != null && (t == null || t < (f == null || f < 1 ? 1 : f))) {
            names.add("to");
        }
        return names;
    }

    /** Whether a valid range checks only the last few records, not the whole chain. */
    private boolean bounded(long head) {
        Long f = number(from);
        return to != null || f != null && f >= head - 30;
    }

    /** As the service reads a number: 1 to 18 ASCII digits, nothing else. */
    private static Long number(String text) {
        return text.matches("\\d{1,18}") ? Long.parseLong(text) : null;
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
