package io.guanxi.facts;

/** Where the relationship stands by our share of the customer's purchases (客户关系发展的四个阶段). */
public enum CooperationStage implements Coded {
    DEVELOPMENT("客户开发"),
    INITIAL("初期合作"),
    STABLE("稳定合作"),
    STRATEGIC("战略合作");

    private final String label;

    CooperationStage(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** Position on the development path, 0 for DEVELOPMENT: rules compare stages by it. */
    public int getRank() {
        return ordinal();
    }

    /** The next stage up, or this one at the top: a relationship advances one stage at a time. */
    public CooperationStage getNext() {
        CooperationStage[] all = values();
        return all[Math.min(ordinal() + 1, all.length - 1)];
    }
}
