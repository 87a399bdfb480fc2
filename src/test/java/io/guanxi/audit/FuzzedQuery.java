package io.guanxi.audit;

import io.guanxi.rules.RuleId;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Fuzzed query parameters of an audit query (page or export): each filter valid, broken or left
 * out, sometimes unknown or repeated parameters; it knows which parameters the service must name.
 */
record FuzzedQuery(List<Param> params) {

    /** One parameter as sent and whether the contract accepts it. */
    record Param(String name, String value, boolean valid) {
    }

    private static final Pattern CURSOR = Pattern.compile("d[1-9]\\d{0,17}");
    private static final Pattern RULE_ID = Pattern.compile(RuleId.GRAMMAR);

    static Arbitrary<FuzzedQuery> page(String customer) {
        return of(customer, List.of(param("limit", limits()), param("cursor", cursors())));
    }

    static Arbitrary<FuzzedQuery> export(String customer) {
        Arbitrary<Param> format = Arbitraries.of("jsonl", "csv", "JSONL", "xml", "", "csv ", "json").map(f -> new Param("format", f, f.equals("jsonl") || f.equals("csv")));
        return of(customer, List.of(Arbitraries.oneOf(format, Arbitraries.just(new Param("format", null, true)))));
    }

    private static Arbitrary<FuzzedQuery> of(String customer, List<Arbitrary<Param>> own) {
        List<Arbitrary<Param>> all = new ArrayList<>(List.of(
                // The customer is always given when valid, so that no export walks the whole log.
                Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just(new Param("customerId", customer, true))),
                        Tuple.of(1, ids().map(p -> new Param("customerId", p.value(), p.valid())))),
                param("from", instants()), param("to", instants()),
                param("tier", codes("STRATEGIC", "KEY", "GROWTH", "STANDARD")),
                param("transition", codes("NEW", "ADVANCED", "HELD", "REGRESSED")),
                param("rule", rules())));
        all.addAll(own);
        Arbitrary<List<Param>> unknown = Arbitraries.of("customerid", "page", "offset", "sort", "limit ", "Tier", "x", "\u5BA2")
                .map(n -> new Param(n, "1", false)).list().ofSize(1);
        unknown = Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just(List.of())), Tuple.of(1, unknown));
        Arbitrary<Integer> repeated = Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.just(-1)), Tuple.of(1, Arbitraries.integers().between(0, all.size() - 1)));
        return Combinators.combine(Combinators.combine(all).as(List::copyOf), unknown, repeated, Arbitraries.randoms())
                .as(FuzzedQuery::build);
    }

    private static FuzzedQuery build(List<Param> params, List<Param> unknown, int repeated, Random random) {
        List<Param> sent = new ArrayList<>(params.stream().filter(p -> p.value() != null).toList());
        sent.addAll(unknown);
        if (repeated >= 0 && params.get(repeated).value() != null) {
            sent.add(new Param(params.get(repeated).name(), params.get(repeated).value(), false));
        }
        Collections.shuffle(sent, random);
        return new FuzzedQuery(List.copyOf(sent));
    }

    String query() {
        return params.stream().map(p -> encode(p.name()) + "=" + encode(p.value())).collect(Collectors.joining("&", "?", ""));
    }

    /** The parameters the service must name: invalid, unknown, repeated, or {@code to} before {@code from}. */
    Set<String> invalid() {
        Set<String> names = params.stream().filter(p -> !p.valid()).map(Param::name).collect(Collectors.toCollection(TreeSet::new));
        Instant from = instant("from");
        Instant to = instant("to");
        if (from != null && to != null && to.isBefore(from)) {
            names.add("to");
        }
        return names;
    }

    private Instant instant(String name) {
        List<Param> given = params.stream().filter(p -> p.name().equals(name)).toList();
        return given.size() == 1 && given.get(0).valid() ? Instant.parse(given.get(0).value()) : null;
    }

    /** Left out, valid, or anything: mostly valid, so that most queries reach the database. */
    private static Arbitrary<Param> param(String name, Arbitrary<Param> values) {
        Arbitrary<Param> named = values.map(p -> new Param(name, p.value(), p.valid()));
        return Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.just(new Param(name, null, true))),
                Tuple.of(8, named.filter(Param::valid)), Tuple.of(1, named));
    }

    private static Arbitrary<Param> ids() {
        return Arbitraries.strings().withChars("AZaz09._:- /%\u00e9+&=#").ofMaxLength(70)
                .map(v -> new Param("", v, v.matches("[A-Za-z0-9._:-]{1,64}")));
    }

    private static Arbitrary<Param> instants() {
        Arbitrary<String> fixed = Arbitraries.of("2026-11-23T08:15:30Z", "2026-11-23T08:15:30.123456789Z", "1970-01-01T00:00:00Z",
                "-1000000000-01-01T00:00:00Z", "+1000000000-12-31T23:59:59.999999999Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59Z",
                "+10000-01-01T00:00:00Z", "1000-01-01T00:00:00Z", "2038-01-19T03:14:08Z", "2026-02-29T00:00:00Z", "2026-11-23T24:00:00Z",
                "2026-11-23", "2026-11-23T08:15:30", "2026-11-23T08:15:30+01:00", "yesterday", "", "1", "2026-13-01T00:00:00Z");
        Arbitrary<String> random = Arbitraries.longs().between(-4_000_000_000L, 400_000_000_000L).map(s -> Instant.ofEpochSecond(s).toString());
        return Arbitraries.oneOf(fixed, random).map(v -> new Param("", v, parses(v)));
    }

    private static Arbitrary<Param> codes(String... codes) {
        return Arbitraries.oneOf(Arbitraries.of(codes), Arbitraries.of("", "key", "Key", "KEY ", "\u6218\u7565\u5927\u5BA2\u6237", "NEW,HELD", "%"))
                .map(v -> new Param("", v, List.of(codes).contains(v)));
    }

    private static Arbitrary<Param> rules() {
        Arbitrary<String> fixed = Arbitraries.of("TIER-010", "COOP-030 share from 0.50 to below 0.80 -> STABLE", "A-1", "ZZZ-99999999999999999999999999999999999",
                "tier-010", "TIER010", "TIER-", "-1", " TIER-010", "TIER-010 ", "", "TIER-010 " + "x".repeat(246), "TIER-010 " + "x".repeat(247),
                "NBA-090 ' OR 1=1 --", "TIER-010\u0000", "TIER-010 \u5173\u7CFB", "TIER-010 \uD83D\uDE00",
                "coop_1", "v1.2_x", "x".repeat(32), "x".repeat(33), "TIER:010");
        return Arbitraries.oneOf(fixed, Arbitraries.strings().withChars("AZaz-_.019 %'\"\\").ofMaxLength(40))
                .map(v -> new Param("", v, v.length() <= 255 && RULE_ID.matcher(v.split(" ", 2)[0]).matches()));
    }

    private static Arbitrary<Param> limits() {
        return Arbitraries.oneOf(Arbitraries.integers().between(-2, 1002).map(String::valueOf),
                        Arbitraries.of("", "0001", "1.0", "1e2", " 5", "abc", "99999999999", "-0", "+5", "\u0661"))
                .map(v -> new Param("", v, v.matches("\\d{1,4}") && Integer.parseInt(v) >= 1 && Integer.parseInt(v) <= 1000));
    }

    private static Arbitrary<Param> cursors() {
        Arbitrary<String> texts = Arbitraries.oneOf(Arbitraries.longs().between(-5, Long.MAX_VALUE).map(n -> "d" + n),
                Arbitraries.of("d", "d0", "d01", "x1", "d1 ", "d9999999999999999999", ""), Arbitraries.strings().ofMaxLength(12));
        Arbitrary<String> encoded = texts.map(t -> Base64.getUrlEncoder().withoutPadding().encodeToString(t.getBytes(StandardCharsets.UTF_8)));
        return Arbitraries.oneOf(encoded, Arbitraries.of("", "!!", "ZA", "ZDE=", "ZDE", "====", "d1"))
                .map(v -> new Param("", v, cursorValid(v)));
    }

    private static boolean cursorValid(String value) {
        try {
            return CURSOR.matcher(new String(Base64.getUrlDecoder().decode(value), StandardCharsets.US_ASCII)).matches();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean parses(String instant) {
        try {
            // Instant reaches a year further than a date-time: such an instant cannot be asked about.
            Instant parsed = Instant.parse(instant);
            return !parsed.isBefore(LocalDateTime.MIN.toInstant(ZoneOffset.UTC)) && !parsed.isAfter(LocalDateTime.MAX.toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public String toString() {
        return query() + " (must name " + invalid() + ")";
    }
}
