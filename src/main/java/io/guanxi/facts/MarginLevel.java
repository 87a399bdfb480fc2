package io.guanxi.facts;

/** Profit margin band used by the Kotler matrix. */
public enum MarginLevel implements Coded {
    LOW("低"),
    MEDIUM("中"),
    HIGH("高");

    private final String label;

    MarginLevel(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
