package io.guanxi.facts;

import org.kie.api.runtime.rule.RuleContext;

/**
 * Called from rule consequences to propose next best actions: {@code Actions.propose(kcontext, 3, 60,
 * "NEEDS_ANALYSIS", "BUILD_TRUST")} inserts one proposal per action, in the order given, each
 * citing the proposing rule.
 */
public final class Actions {

    private Actions() {
    }

    public static void propose(RuleContext context, int actionClass, int position, String... codes) {
        String rule = context.getRule().getName();
        for (int i = 0; i < codes.length; i++) {
            context.getKieRuntime().insert(new ProposedAction(codes[i], actionClass, position, i, rule));
        }
    }
}
