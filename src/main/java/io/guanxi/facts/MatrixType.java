package io.guanxi.facts;

/** The relationship type the Kotler matrix gives, before the overrides. */
public final class MatrixType {

    private final RelationshipType type;

    public MatrixType(RelationshipType type) {
        this.type = java.util.Objects.requireNonNull(type, "type");
    }

    public RelationshipType getType() {
        return type;
    }

    @Override
    public String toString() {
        return "MatrixType[" + type + "]";
    }
}
