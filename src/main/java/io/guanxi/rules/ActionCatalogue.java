package io.guanxi.rules;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The next best actions the rules may propose, with their Chinese labels: business data kept in
 * {@code rules/actions.csv} (header {@code code,label}, one action a line), so that an analyst adds
 * an action without touching Java.
 */
public final class ActionCatalogue {

    public static final String FILE_NAME = "actions.csv";
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");

    private final Map<String, String> labels;

    private ActionCatalogue(Map<String, String> labels) {
        this.labels = Map.copyOf(labels);
    }

    /** Parses the catalogue; every problem is reported as {@code path:line: message}. */
    public static ActionCatalogue parse(String displayPath, byte[] content, List<String> errors) {
        Map<String, String> labels = new LinkedHashMap<>();
        String[] lines = new String(content, StandardCharsets.UTF_8).split("\r?\n", -1);
        if (lines.length == 0 || !lines[0].strip().replace("\uFEFF", "").equals("code,label")) {
            errors.add(displayPath + ":1: the first line must be the header 'code,label'");
            return new ActionCatalogue(labels);
        }
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = displayPath + ":" + (i + 1) + ": ";
            String[] cells = line.split(",", -1);
            if (cells.length != 2 || cells[1].isBlank()) {
                errors.add(where + "expected 'CODE,label', got '" + line + "'");
            } else if (!CODE.matcher(cells[0].strip()).matches()) {
                errors.add(where + "action code '" + cells[0].strip() + "' must be upper case letters, digits and _");
            } else if (labels.putIfAbsent(cells[0].strip(), cells[1].strip()) != null) {
                errors.add(where + "action " + cells[0].strip() + " is listed twice");
            }
        }
        return new ActionCatalogue(labels);
    }

    public static ActionCatalogue empty() {
        return new ActionCatalogue(Map.of());
    }

    public Optional<String> label(String code) {
        return Optional.ofNullable(labels.get(code));
    }

    public List<String> codes() {
        return new ArrayList<>(labels.keySet());
    }
}
