package io.guanxi.rules.compile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.drools.template.parser.DataListener;

/**
 * Every cell of a decision table as the Drools parser saw it, so that checks and error messages
 * can speak of the analyst's rows and cells rather than of the DRL generated from them.
 */
final class DecisionTableCells implements DataListener {

    private final TreeMap<Integer, TreeMap<Integer, String>> rows = new TreeMap<>();

    @Override
    public void startSheet(String name) {
        // One sheet per table file: cells of all sheets would share rows, so only the first counts.
    }

    @Override
    public void finishSheet() {
        // Nothing to close.
    }

    @Override
    public void newRow(int row, int columns) {
        rows.computeIfAbsent(row, r -> new TreeMap<>());
    }

    @Override
    public void newCell(int row, int column, String value, int mergedColStart) {
        if (value != null && !value.isBlank()) {
            rows.computeIfAbsent(row, r -> new TreeMap<>()).put(column, value.strip());
        }
    }

    /** The number of the last row that has a cell, 0-based; -1 for an empty table. */
    int lastRow() {
        return rows.descendingMap().entrySet().stream()
                .filter(e -> !e.getValue().isEmpty()).map(Map.Entry::getKey).findFirst().orElse(-1);
    }

    /** The text of a cell, stripped; empty when the cell is blank. 0-based row and column. */
    String value(int row, int column) {
        return rows.getOrDefault(row, new TreeMap<>()).getOrDefault(column, "");
    }

    boolean isBlank(int row) {
        return rows.getOrDefault(row, new TreeMap<>()).isEmpty();
    }

    /** The first filled cell of a row, or empty. */
    String first(int row) {
        TreeMap<Integer, String> cells = rows.getOrDefault(row, new TreeMap<>());
        return cells.isEmpty() ? "" : cells.firstEntry().getValue();
    }

    /** The 0-based columns that have a value in a row. */
    List<Integer> filledColumns(int row) {
        return new ArrayList<>(rows.getOrDefault(row, new TreeMap<>()).keySet());
    }

    /** The spreadsheet name of a cell: column letters then the 1-based row, e.g. {@code C12}. */
    static String name(int row, int column) {
        StringBuilder letters = new StringBuilder();
        for (int c = column + 1; c > 0; c = (c - 1) / 26) {
            letters.insert(0, (char) ('A' + (c - 1) % 26));
        }
        return letters.toString() + (row + 1);
    }
}
