package io.guanxi.facts;

/** Key-account tier (大客户分级). */
public enum Tier implements Coded {
    STRATEGIC("战略大客户"),
    KEY("重点大客户"),
    GROWTH("潜力客户"),
    STANDARD("一般客户");

    private final String label;

    Tier(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
