package io.guanxi.decisionlog.chain;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A head an auditor noted earlier ({@code GET /v1/audit/head}), written {@code SEQ:HASH}. */
public record NotedHead(long seq, String hash) {

    public static final String FORMAT = "SEQ:HASH, a seq of at least 1 and the 64 hex digits of its hash";
    private static final Pattern TEXT = Pattern.compile("(\\d{1,18}):([0-9a-fA-F]{64})");

    /** The noted head, or null when {@code text} is not {@code SEQ:HASH} with a seq of at least 1. */
    public static NotedHead parse(String text) {
        Matcher m = TEXT.matcher(text);
        if (!m.matches() || Long.parseLong(m.group(1)) < 1) {
            return null;
        }
        // Stored hashes are lowercase hex; a noted one copied in capitals is the same hash.
        return new NotedHead(Long.parseLong(m.group(1)), m.group(2).toLowerCase(Locale.ROOT));
    }
}
