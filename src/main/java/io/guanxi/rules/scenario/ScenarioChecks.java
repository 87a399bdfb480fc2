package io.guanxi.rules.scenario;

import io.guanxi.facts.Advice;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The checks behind the list-valued expectations: exact sets (flags, entitlements), the exact
 * ordered list of actions, codes present or absent, and the first action.
 */
final class ScenarioChecks {

    private ScenarioChecks() {
    }

    static List<Expectation> of(String field, List<String> codes) {
        return switch (field) {
            case "flags" -> List.of(sameSet(field, codes, Advice::flags));
            case "entitlements" -> List.of(sameSet(field, codes, Advice::entitlements));
            case "flagsPresent" -> present(field, codes, Advice::flags, true);
            case "flagsAbsent" -> present(field, codes, Advice::flags, false);
            case "actionsPresent" -> present(field, codes, ScenarioExpect::actionCodes, true);
            case "actionsAbsent" -> present(field, codes, ScenarioExpect::actionCodes, false);
            case "actions" -> List.of(new Expectation(field, codes.toString(), a -> ScenarioExpect.actionCodes(a).toString(),
                    a -> ScenarioExpect.actionCodes(a).equals(codes)));
            case "firstAction" -> List.of(firstAction(codes.isEmpty() ? "null" : codes.get(0)));
            default -> throw new IllegalArgumentException(field);
        };
    }

    private static Expectation sameSet(String field, List<String> codes, Function<Advice, List<String>> actual) {
        TreeSet<String> expected = new TreeSet<>(codes);
        return new Expectation(field, expected.toString(), a -> new TreeSet<>(actual.apply(a)).toString(),
                a -> new TreeSet<>(actual.apply(a)).equals(expected));
    }

    private static List<Expectation> present(String field, List<String> codes, Function<Advice, List<String>> actual,
                                             boolean wanted) {
        return codes.stream().map(code -> new Expectation(field, code, a -> actual.apply(a).toString(),
                a -> actual.apply(a).contains(code) == wanted)).toList();
    }

    private static Expectation firstAction(String code) {
        Function<Advice, String> first = a -> a.actions().isEmpty() ? "null" : a.actions().get(0).code();
        return new Expectation("firstAction", code, first, a -> first.apply(a).equals(code));
    }
}
