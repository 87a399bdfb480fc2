package io.guanxi.advice;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

/**
 * One field of a fuzzed advice request: how its values are generated around and across each
 * boundary of the request contract (schema AdviceRequest of api-spec/openapi.yaml; CRM-DOMAIN §6),
 * and what the contract says of each value.
 */
record FuzzedField(String name, Arbitrary<Sent> valid, Arbitrary<Sent> any) {

    /** What the contract says of one value: accepted, refused, or either (no rule pins it). */
    enum Verdict { VALID, INVALID, EITHER }

    /** One field as sent: its JSON text ({@code null}: left out) and the contract's verdict. */
    record Sent(String name, String json, Verdict verdict) {
    }

    static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final List<String> WRONG_KINDS = List.of("\"0.5\"", "\"12\"", "true", "false", "[]", "[0.5]",
            "{}", "{\"v\":{\"w\":[null]}}", "\"NaN\"", "\"Infinity\"", "\"\"", "\"-0\"");

    static FuzzedField decimal(String name, String min, String max, boolean required) {
        return number(name, new BigDecimal(min), new BigDecimal(max), required, false);
    }

    static FuzzedField integer(String name, int min, int max, boolean required) {
        return number(name, BigDecimal.valueOf(min), BigDecimal.valueOf(max), required, true);
    }

    private static FuzzedField number(String name, BigDecimal min, BigDecimal max, boolean required, boolean integral) {
        Arbitrary<String> inside = Arbitraries.bigDecimals().between(min, max).ofScale(integral ? 0 : 4).flatMap(FuzzedJson::spellings);
        Arbitrary<String> bounds = Arbitraries.of(min, max).flatMap(b -> Arbitraries.of(0, 1, 2, 20, 99, 100, 101)
                .flatMap(k -> Arbitraries.of(-1, 0, 1).map(s -> b.add(BigDecimal.ONE.movePointLeft(k).multiply(BigDecimal.valueOf(s))))))
                .flatMap(FuzzedJson::spellings);
        Arbitrary<String> extreme = Arbitraries.of("1e999999999", "-1e999999999", "1e-999999999", "0e999999999",
                "-0", "-0.0", "0E-1000", "1" + "0".repeat(400), "0." + "0".repeat(99) + "1", "123456789012345678901234567890",
                "1e9999999999", "-2E+9999999999", "1e-9999999999", "0e9999999999");
        Arbitrary<String> numbers = Arbitraries.frequencyOf(
                Tuple.of(3, inside), Tuple.of(4, bounds), Tuple.of(1, extreme));
        Arbitrary<Sent> sent = numbers.map(t -> new Sent(name, t, numberVerdict(t, min, max, integral)));
        return new FuzzedField(name, sent.filter(s -> s.verdict() == Verdict.VALID),
                Arbitraries.frequencyOf(Tuple.of(6, sent), Tuple.of(2, wrongKind(name)),
                        Tuple.of(1, absent(name, required))));
    }

    static FuzzedField id(String name, boolean required, boolean unique) {
        Arbitrary<String> base = FuzzedJson.idText();
        Arbitrary<String> text = unique
                ? base.map(s -> java.util.UUID.randomUUID().toString().replace("-", "") + s)
                : base;
        Arbitrary<Sent> sent = text.map(t -> new Sent(name, FuzzedJson.quote(t), idVerdict(t)));
        return new FuzzedField(name, sent.filter(s -> s.verdict() == Verdict.VALID),
                Arbitraries.oneOf(sent, nonString(name), absent(name, required)));
    }

    static FuzzedField segmentSize() {
        Arbitrary<Sent> valid = Arbitraries.of("FEW", "MEDIUM", "MANY").map(t -> new Sent("segmentSize", FuzzedJson.quote(t), Verdict.VALID));
        Arbitrary<Sent> wrong = Arbitraries.of("few", "Medium", "FEW ", " MANY", "", "FEWER", "\uff26\uff25\uff37", "MANY\u0000",
                "M\u0301ANY", "\ud800").map(t -> new Sent("segmentSize", FuzzedJson.quote(t), Verdict.INVALID));
        return new FuzzedField("segmentSize", valid, Arbitraries.oneOf(valid, wrong, wrongKind("segmentSize"), absent("segmentSize", true)));
    }

    static FuzzedField strategicIndustry() {
        String name = "strategicIndustry";
        Arbitrary<Sent> valid = Arbitraries.of("true", "false", "null").map(t -> new Sent(name, t, Verdict.VALID));
        Arbitrary<Sent> wrong = Arbitraries.of("\"true\"", "1", "0", "\"yes\"", "[true]", "{}").map(t -> new Sent(name, t, Verdict.INVALID));
        return new FuzzedField(name, Arbitraries.oneOf(valid, absent(name, false)), Arbitraries.oneOf(valid, wrong));
    }

    static FuzzedField industry() {
        Arbitrary<String> text = FuzzedJson.oddText(0, 110);
        Arbitrary<Sent> sent = text.map(t -> new Sent("industry", FuzzedJson.quote(t), industryVerdict(t)));
        return new FuzzedField("industry", Arbitraries.oneOf(sent.filter(s -> s.verdict() != Verdict.INVALID), absent("industry", false)),
                Arbitraries.oneOf(sent, nonString("industry")));
    }

    private static Arbitrary<Sent> wrongKind(String name) {
        return Arbitraries.of(WRONG_KINDS).map(t -> new Sent(name, t, Verdict.INVALID));
    }

    /** Wrong kinds for a string field: a string of any text is no wrong kind there. */
    private static Arbitrary<Sent> nonString(String name) {
        return wrongKind(name).filter(s -> !s.json().startsWith("\""));
    }

    private static Arbitrary<Sent> absent(String name, boolean required) {
        Verdict verdict = required ? Verdict.INVALID : Verdict.VALID;
        return Arbitraries.of(new Sent(name, null, verdict), new Sent(name, "null", verdict));
    }

    static Verdict numberVerdict(String text, BigDecimal min, BigDecimal max, boolean integral) {
        BigDecimal n;
        try {
            n = new BigDecimal(text);
        } catch (NumberFormatException e) {
            // An exponent beyond an int: zero stays zero, anything else is out of range or too precise.
            if (new BigDecimal(text.split("[eE]")[0]).signum() != 0) {
                return Verdict.INVALID;
            }
            n = BigDecimal.ZERO;
        }
        if (integral && n.signum() != 0 && n.stripTrailingZeros().scale() > 0) {
            return Verdict.INVALID;
        }
        if (n.compareTo(min) < 0 || n.compareTo(max) > 0) {
            return Verdict.INVALID;
        }
        return !integral && n.stripTrailingZeros().scale() > 100 ? Verdict.INVALID : Verdict.VALID;
    }

    private static Verdict idVerdict(String text) {
        return ID.matcher(text).matches() ? Verdict.VALID : Verdict.INVALID;
    }

    private static Verdict industryVerdict(String text) {
        if (text.codePointCount(0, text.length()) > 100) {
            return Verdict.INVALID;
        }
        return FuzzedJson.hasLoneSurrogate(text) ? Verdict.EITHER : Verdict.VALID;
    }
}
