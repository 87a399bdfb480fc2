package io.guanxi.facts;

/** The relationship type to build after the overrides: the type of the answer. */
public final class Relationship {

    private final RelationshipType type;

    public Relationship(RelationshipType type) {
        this.type = java.util.Objects.requireNonNull(type, "type");
    }

    public RelationshipType getType() {
        return type;
    }

    @Override
    public String toString() {
        return "Relationship[" + type + "]";
    }
}
