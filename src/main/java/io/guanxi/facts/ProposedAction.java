package io.guanxi.facts;

import java.util.Objects;

/**
 * One next best action proposed by one rule (a row of the action table): the rule gives the class
 * (1 urgent … 4 relationship) and its position within the class; the ranking merges proposals.
 */
public final class ProposedAction {

    private final String code;
    private final int actionClass;
    private final int position;
    private final int order;
    private final String rule;

    /**
     * @param position the row's place within its class (rows of the action table, top first)
     * @param order the action's place within the row
     */
    public ProposedAction(String code, int actionClass, int position, int order, String rule) {
        this.code = Objects.requireNonNull(code, "code");
        this.actionClass = actionClass;
        this.position = position;
        this.order = order;
        this.rule = Objects.requireNonNull(rule, "rule");
    }

    public String getCode() {
        return code;
    }

    public int getActionClass() {
        return actionClass;
    }

    public int getPosition() {
        return position;
    }

    public int getOrder() {
        return order;
    }

    public String getRule() {
        return rule;
    }

    @Override
    public String toString() {
        return "ProposedAction[" + code + ", class " + actionClass + ", position " + position + "]";
    }
}
