package io.guanxi.facts;

/** How the cooperation stage moved since the customer's previous decision. */
public enum Transition implements Coded {
    NEW("新建"),
    ADVANCED("晋升"),
    HELD("保持"),
    REGRESSED("倒退");

    private final String label;

    Transition(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
