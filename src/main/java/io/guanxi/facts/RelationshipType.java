package io.guanxi.facts;

/** Kotler's relationship level the supplier should build (基本型 … 伙伴型), from least to most involved. */
public enum RelationshipType implements Coded {
    BASIC("基本型"),
    REACTIVE("被动型"),
    ACCOUNTABLE("负责型"),
    PROACTIVE("主动型"),
    PARTNERSHIP("伙伴型");

    private final String label;

    RelationshipType(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** Position from BASIC (0) to PARTNERSHIP (4): overrides say "at least" by it. */
    public int getRank() {
        return ordinal();
    }
}
