package io.guanxi.advice;

import io.guanxi.advice.FuzzedField.Sent;
import io.guanxi.advice.FuzzedField.Verdict;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * A fuzzed advice request: every field of the contract, a few of them broken, sometimes unknown or
 * repeated fields, in any order and spacing; it knows which fields the service must name.
 */
record FuzzedRequest(List<Sent> entries, String space) {

    private static final List<FuzzedField> FIELDS = List.of(
            FuzzedField.id("customerId", true, false),
            FuzzedField.decimal("purchaseShare", "0", "1", true),
            FuzzedField.decimal("annualRevenue", "0", "1e15", true),
            FuzzedField.decimal("profitMargin", "-1", "1", true),
            FuzzedField.decimal("revenueTrend", "-1", "10", true),
            FuzzedField.integer("orderCount12m", 0, 1_000_000, true),
            FuzzedField.integer("tenureMonths", 0, 1_200, true),
            FuzzedField.segmentSize(),
            FuzzedField.decimal("satisfaction", "1", "5", false),
            FuzzedField.integer("openComplaints", 0, 10_000, false),
            FuzzedField.decimal("paymentOnTimeRate", "0", "1", false),
            FuzzedField.strategicIndustry(),
            FuzzedField.industry(),
            FuzzedField.id("requestId", false, true));
    private static final Set<String> KNOWN = FIELDS.stream().map(FuzzedField::name).collect(Collectors.toSet());

    static Arbitrary<FuzzedRequest> arbitrary() {
        Arbitrary<Set<String>> broken = Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.just(Set.<String>of())),
                Tuple.of(6, Arbitraries.subsetOf(KNOWN).ofMinSize(1).ofMaxSize(4)));
        Arbitrary<List<Sent>> fields = broken.flatMap(b -> Combinators.combine(
                FIELDS.stream().map(f -> b.contains(f.name()) ? f.any() : f.valid()).toList()).as(List::copyOf));
        Arbitrary<List<Sent>> unknown = unknownField().list().ofMaxSize(2);
        Arbitrary<Integer> repeated = Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.just(-1)), Tuple.of(1, Arbitraries.integers().between(0, 13)));
        Arbitrary<String> space = Arbitraries.of("", " ", "\n", "\t", "\r\n  ");
        return Combinators.combine(fields, unknown, repeated, space, Arbitraries.randoms())
                .as((f, u, r, s, random) -> build(f, u, r, s, random));
    }

    private static FuzzedRequest build(List<Sent> fields, List<Sent> unknown, int repeated, String space, java.util.Random random) {
        List<Sent> entries = new ArrayList<>(fields.stream().filter(s -> s.json() != null).toList());
        entries.addAll(unknown);
        if (repeated >= 0 && fields.get(repeated).json() != null) {
            Sent again = fields.get(repeated);
            entries.add(new Sent(again.name(), again.json().equals("1") ? "2" : "1", Verdict.INVALID));
        }
        Collections.shuffle(entries, random);
        // Absent fields carry their verdict too (a missing required field must be named).
        fields.stream().filter(s -> s.json() == null).forEach(entries::add);
        return new FuzzedRequest(List.copyOf(entries), space);
    }

    private static Arbitrary<Sent> unknownField() {
        Arbitrary<String> name = Arbitraries.oneOf(
                Arbitraries.of("purchaseshare", "PurchaseShare", "paymentOntimeRate", "customerId ", " customerId", "", " ",
                        "__proto__", "constructor", "customer\u0130d", "\u5BA2\u6237", "a.b", "errors[0]"),
                FuzzedJson.oddText(1, 12)).filter(n -> !KNOWN.contains(n));
        Arbitrary<String> value = Arbitraries.of("1", "\"x\"", "null", "[]", "{\"a\":[1,{\"b\":null}]}", "true", "-0.0e-0");
        return Combinators.combine(name, value).as((n, v) -> new Sent(n, v, Verdict.INVALID));
    }

    String body() {
        return entries.stream().filter(s -> s.json() != null)
                .map(s -> space + FuzzedJson.quote(s.name()) + space + ":" + space + s.json())
                .collect(Collectors.joining(",", "{", space + "}"));
    }

    /** The fields the service must name. */
    Set<String> invalid() {
        return names(Verdict.INVALID);
    }

    /** The fields the service may name or accept. */
    Set<String> either() {
        return names(Verdict.EITHER);
    }

    private Set<String> names(Verdict verdict) {
        return entries.stream().filter(s -> s.verdict() == verdict).map(Sent::name).collect(Collectors.toCollection(TreeSet::new));
    }

    @Override
    public String toString() {
        return body() + " (must name " + invalid() + ", may name " + either() + ")";
    }
}
