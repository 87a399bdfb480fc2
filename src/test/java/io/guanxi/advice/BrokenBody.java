package io.guanxi.advice;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * A request body that is broken as a whole, or sent oddly: truncated, mutated, nested too deep,
 * numbers JSON does not have, JSON extensions, bad UTF-8, near and over 64 KiB, odd content types.
 *
 * @param status  the status it must get; 0 for 200 or 400, -1 for any answer below 500
 * @param mayName the fields a 400 may name (none: the body as a whole)
 */
record BrokenBody(String what, byte[] bytes, String contentType, int status, Set<String> mayName) {

    static final String VALID = "{\"customerId\":\"FUZZ-BODY\",\"purchaseShare\":0.3,\"annualRevenue\":500000,"
            + "\"profitMargin\":0.15,\"revenueTrend\":0.05,\"orderCount12m\":12,\"tenureMonths\":24,\"segmentSize\":\"MEDIUM\"}";
    private static final int LIMIT = 64 * 1024;

    static Arbitrary<BrokenBody> arbitrary() {
        return Arbitraries.oneOf(truncated(), mutated(), nested(), badNumber(), extension(), badUtf8(), sized(), typed());
    }

    private static Arbitrary<BrokenBody> truncated() {
        return Arbitraries.integers().between(0, VALID.length() - 1)
                .map(n -> json("truncated to " + n, VALID.substring(0, n), 400, Set.of()));
    }

    private static Arbitrary<BrokenBody> mutated() {
        Arbitrary<Integer> at = Arbitraries.integers().between(0, VALID.length() - 1);
        Arbitrary<String> piece = Arbitraries.of("", "\"", "{", "}", "[", ",", ":", "0", "-", "e", "\\", "\u0000", "\uD83D", " ");
        return Combinators.combine(at, Arbitraries.integers().between(0, 3), piece)
                .as((i, cut, p) -> json("mutated at " + i, VALID.substring(0, i) + p + VALID.substring(Math.min(VALID.length(), i + cut)), 0, Set.of()));
    }

    private static Arbitrary<BrokenBody> nested() {
        return Arbitraries.of(1, 10, 999, 1000, 1001, 5000, 20000).flatMap(n -> Arbitraries.of(
                json("industry nested " + n, withField("industry", "[".repeat(n) + "]".repeat(n)), 400, Set.of("industry")),
                json("unknown nested " + n, withField("deep", "{\"a\":".repeat(n) + "1" + "}".repeat(n)), 400, Set.of("deep")),
                json("unclosed " + n, "[".repeat(n), 400, Set.of())));
    }

    private static Arbitrary<BrokenBody> badNumber() {
        return Arbitraries.of("NaN", "-NaN", "Infinity", "-Infinity", "+1", "01", ".5", "1.", "0x10", "1_0", "1e", "--1", "0.5.5",
                        "1e9999999999", "-1e-9999999999", "1" + "0".repeat(1001), "0." + "0".repeat(1000) + "5", "\"\\u0030\"")
                .map(n -> json("purchaseShare " + n, withField("purchaseShare", n), 400, Set.of("purchaseShare")));
    }

    private static Arbitrary<BrokenBody> extension() {
        return Arbitraries.of("{/* c */}", "// c\n{}", "{'customerId':'A'}", "{customerId:\"A\"}", VALID.replace("}", ",}"),
                        VALID + VALID, VALID + "x", "[]", "\"x\"", "1", "null", "true", "", " ", "\n\t", "{", "}", "{\"a\"}", "{\"a\":}")
                .map(b -> json("body " + b, b, 400, Set.of()));
    }

    private static Arbitrary<BrokenBody> badUtf8() {
        return Arbitraries.of(new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xC0, (byte) 0xAF}, new byte[] {(byte) 0xE6, (byte) 0x85},
                        new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80})
                .map(bad -> new BrokenBody("customerId with bytes " + hex(bad), splice(VALID, "FUZZ-", bad), "application/json", 400,
                        Set.of("customerId")));
    }

    private static Arbitrary<BrokenBody> sized() {
        return Arbitraries.of(LIMIT - 1, LIMIT, LIMIT + 1, LIMIT + 64, 2 * LIMIT, 1_000_000).flatMap(size -> Arbitraries.of(
                json("spaces to " + size, VALID.substring(0, VALID.length() - 1) + " ".repeat(size - VALID.length()) + "}",
                        size <= LIMIT ? 200 : 413, Set.of()),
                json("industry to " + size, padded(size), size <= LIMIT ? 400 : 413, Set.of("industry"))));
    }

    private static Arbitrary<BrokenBody> typed() {
        Arbitrary<BrokenBody> json = Arbitraries.of("application/json", "application/json; charset=utf-8", "application/json;charset=UTF-8")
                .map(t -> new BrokenBody("type " + t, utf8(VALID), t, 200, Set.of()));
        Arbitrary<BrokenBody> other = Arbitraries.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                        "multipart/form-data; boundary=x", "application/octet-stream", "image/png")
                .map(t -> new BrokenBody("type " + t, utf8(VALID), t, 415, Set.of()));
        Arbitrary<BrokenBody> odd = Arbitraries.of("Application/JSON", "text/json", "application/problem+json", "*/*", "application/*",
                        "application/vnd.api+json", "application/json; charset=latin1", "application/json; x=\"", "a/b/c", ";", "json")
                .map(t -> new BrokenBody("type " + t, utf8(VALID), t, -1, Set.of()));
        return Arbitraries.oneOf(json, other, odd, Arbitraries.just(new BrokenBody("no type", utf8(VALID), null, 415, Set.of())));
    }

    private static String withField(String name, String value) {
        return VALID.replaceFirst("\"" + name + "\":[^,}]*,?", "").replace("}", ",\"" + name + "\":" + value + "}").replace("{,", "{");
    }

    private static String padded(int size) {
        String start = VALID.substring(0, VALID.length() - 1) + ",\"industry\":\"";
        return start + "x".repeat(size - start.length() - 2) + "\"}";
    }

    private static BrokenBody json(String what, String body, int status, Set<String> mayName) {
        byte[] bytes = utf8(body);
        return new BrokenBody(what, bytes, "application/json", bytes.length > LIMIT ? 413 : status, mayName);
    }

    private static byte[] splice(String text, String after, byte[] bytes) {
        int at = text.indexOf(after) + after.length();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(utf8(text.substring(0, at)));
        out.writeBytes(bytes);
        out.writeBytes(utf8(text.substring(at)));
        return out.toByteArray();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String hex(byte[] bytes) {
        StringBuilder s = new StringBuilder();
        for (byte b : bytes) {
            s.append(String.format("%02X", b & 0xFF));
        }
        return s.toString();
    }

    @Override
    public String toString() {
        return what.length() > 200 ? what.substring(0, 200) + "…" : what;
    }
}
