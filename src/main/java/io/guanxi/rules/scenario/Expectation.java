package io.guanxi.rules.scenario;

import io.guanxi.facts.Advice;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One expected property of an advice: the {@code expect} field it comes from, the expected value
 * as the analyst should read it, how to show the actual value, and whether the advice meets it.
 */
record Expectation(String field, String expected, Function<Advice, String> actual, Predicate<Advice> met) {

    /** The failure line {@code path: case: field expected X got Y}, or null when met. */
    String failure(String path, String caseName, Advice advice) {
        if (met.test(advice)) {
            return null;
        }
        return path + ": " + caseName + ": " + field + " expected " + expected + " got " + actual.apply(advice);
    }
}
