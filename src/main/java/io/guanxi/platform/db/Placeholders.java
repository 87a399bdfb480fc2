package io.guanxi.platform.db;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Collections;

/**
 * JDBC parameter marks for a statement whose size depends on its input ({@code ?, ?, ?}), and the
 * values that go into them.
 */
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

    /** Binds the values, in order, from parameter {@code index} on; returns the next free index. */
    public static int bind(PreparedStatement s, int index, Collection<String> values) throws SQLException {
        for (String value : values) {
            s.setString(index++, value);
        }
        return index;
    }
}
