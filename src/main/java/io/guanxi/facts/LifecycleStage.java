package io.guanxi.facts;

/** Lifecycle stage of the relationship (客户关系生命周期). */
public enum LifecycleStage implements Coded {
    EXPLORATION("考察期"),
    FORMATION("形成期"),
    STABILITY("稳定期"),
    DECLINE("退化期");

    private final String label;

    LifecycleStage(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
