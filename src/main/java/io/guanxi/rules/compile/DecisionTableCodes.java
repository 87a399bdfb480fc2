package io.guanxi.rules.compile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the cells of columns whose code reads an enum constant ({@code SegmentSize.$param}) against
 * that enum's codes, so a misspelt or lower-case code is reported as such, with the codes allowed,
 * instead of as a compiler error about generated code.
 */
final class DecisionTableCodes {

    private static final Pattern ENUM_PARAM = Pattern.compile("\\b([A-Z]\\w*)\\.\\$param\\b");

    private DecisionTableCodes() {
    }

    static List<String> check(DecisionTableCells cells, DecisionTableLayout layout) {
        List<String> imports = imports(cells);
        List<String> errors = new ArrayList<>();
        for (DecisionTableLayout.Table table : layout.tables()) {
            table.codes().forEach((column, code) -> {
                Matcher m = ENUM_PARAM.matcher(code);
                Optional<List<String>> allowed = m.find() ? constants(m.group(1), imports) : Optional.empty();
                allowed.ifPresent(codes -> {
                    for (int row = table.firstRuleRow(); row < table.endRow(); row++) {
                        String value = cells.value(row, column);
                        if (!value.isEmpty() && !codes.contains(value)) {
                            errors.add(layout.at(row, column) + value + " is not one of " + String.join(", ", codes));
                        }
                    }
                });
            });
        }
        return errors;
    }

    /** The imports of the table: the cells right of every {@code Import} cell, comma-separated. */
    private static List<String> imports(DecisionTableCells cells) {
        List<String> imports = new ArrayList<>();
        for (int row = 0; row <= cells.lastRow(); row++) {
            if (cells.first(row).toLowerCase(Locale.ROOT).equals("import")) {
                int column = cells.filledColumns(row).get(0) + 1;
                Arrays.stream(cells.value(row, column).split(",")).map(String::strip)
                        .filter(s -> !s.isEmpty()).forEach(imports::add);
            }
        }
        return imports;
    }

    /** The constant names of the imported enum of that simple name, if there is one. */
    private static Optional<List<String>> constants(String simpleName, List<String> imports) {
        for (String imported : imports) {
            String candidate = imported.endsWith(".*") ? imported.substring(0, imported.length() - 1) + simpleName
                    : imported.endsWith("." + simpleName) ? imported : null;
            Class<?> type = candidate == null ? null : load(candidate);
            if (type != null && type.isEnum()) {
                return Optional.of(Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList());
            }
        }
        return Optional.empty();
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, DecisionTableCodes.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            // Not a class of ours: Drools will report whatever it cannot resolve.
            return null;
        }
    }
}
