package io.guanxi.facts;

/** A business value with a stable English code (JSON, database, rules) and its Chinese label. */
public interface Coded {

    /** Implemented by every enum: its constant name is its code. */
    String name();

    String label();

    default String code() {
        return name();
    }
}
