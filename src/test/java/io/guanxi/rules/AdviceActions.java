package io.guanxi.rules;

import static org.junit.jupiter.api.Assertions.fail;

import io.guanxi.facts.Advice;
import io.guanxi.facts.RecommendedAction;
import java.util.List;

/** Reads the ranked actions of an advice by code, so tests state what they expect in a line. */
final class AdviceActions {

    private AdviceActions() {
    }

    static List<String> codes(Advice advice) {
        return advice.actions().stream().map(RecommendedAction::code).toList();
    }

    static RecommendedAction action(Advice advice, String code) {
        return advice.actions().stream()
                .filter(a -> a.code().equals(code))
                .findFirst()
                .orElseGet(() -> fail("no action " + code + " in " + codes(advice)));
    }

    static boolean has(Advice advice, String code) {
        return codes(advice).contains(code);
    }

    /** The stable ids (e.g. NBA-010) of the rules behind one action, in the order given. */
    static List<String> reasonIds(Advice advice, String code) {
        return action(advice, code).reasons().stream().map(r -> RuleId.ofRuleName(r).toString()).toList();
    }
}
