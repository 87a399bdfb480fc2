package io.guanxi.facts;

/** The customer's margin band (LOW, MEDIUM, HIGH) for the Kotler matrix. */
public final class Margin {

    private final MarginLevel level;

    public Margin(MarginLevel level) {
        this.level = java.util.Objects.requireNonNull(level, "level");
    }

    public MarginLevel getLevel() {
        return level;
    }

    @Override
    public String toString() {
        return "Margin[" + level + "]";
    }
}
