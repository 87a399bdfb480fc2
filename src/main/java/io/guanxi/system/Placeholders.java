package io.guanxi.system;

import java.util.Collections;

/** JDBC parameter marks for a statement whose size depends on its input: {@code ?, ?, ?}. */
public final class Placeholders {

    private Placeholders() {
    }

    /** {@code count} marks, comma-separated. */
    public static String of(int count) {
        return of(count, "?");
    }

    /** {@code count} copies of {@code each} (a row such as {@code (?, ?)}), comma-separated. */
    public static String of(int count, String each) {
        return String.join(", ", Collections.nCopies(count, each));
    }
}
