package io.guanxi.facts;

/** How many customers of this kind the business serves. */
public enum SegmentSize implements Coded {
    FEW("少"),
    MEDIUM("中等"),
    MANY("多");

    private final String label;

    SegmentSize(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
