package io.guanxi.rules;

/**
 * A rule's stable id, the first word of its name ({@code TIER-010}), by which decisions are logged,
 * indexed, explained and queried long after the rule's prose has changed.
 */
public record RuleId(String value) {

    /**
     * What an id may be, as a regular expression: what the decision log's rule index
     * ({@code decision_rule_bitmap.rule_id}, 32 ASCII characters) can hold, and nothing a URL must escape.
     */
    public static final String GRAMMAR = "[A-Za-z0-9_.-]{1,32}";
    /** {@link #GRAMMAR} in words, for the analyst or auditor who wrote an id it refuses. */
    public static final String GRAMMAR_TEXT = "1 to 32 characters of A-Z, a-z, 0-9, '-', '_' and '.'";
    private static final int MAX_LENGTH = 32;

    public RuleId {
        if (!valid(value)) {
            throw new IllegalArgumentException("\"" + value + "\" is not a rule id: a rule id is " + GRAMMAR_TEXT);
        }
    }

    /** The id of a rule, the first word of its name; refused when that word is not an id. */
    public static RuleId ofRuleName(String name) {
        String stripped = name.strip();
        int space = stripped.indexOf(' ');
        String id = space < 0 ? stripped : stripped.substring(0, space);
        if (!valid(id)) {
            throw new IllegalArgumentException("rule id \"" + id + "\" is not a valid id: the first word of a rule's"
                    + " name is its id, " + GRAMMAR_TEXT);
        }
        return new RuleId(id);
    }

    /**
     * {@link #GRAMMAR}, checked by hand: every decision's fired rules pass here, and a regular
     * expression cost more than the rest of building the id (RuleIdTest holds the two equal).
     */
    static boolean valid(String id) {
        if (id.isEmpty() || id.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean ok = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '.' || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** An id as written on its own, for instance in a query; refused when it is not an id. */
    public static RuleId parse(String text) {
        return new RuleId(text);
    }

    @Override
    public String toString() {
        return value;
    }
}
