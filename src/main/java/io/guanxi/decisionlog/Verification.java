package io.guanxi.decisionlog;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The result of walking the audit chain over a range: {@code ok} with how many records were checked
 * and the last one's seq and hash, or the first broken seq and why.
 *
 * @param reason {@code altered content}, {@code broken link}, {@code missing record} or
 *               {@code head mismatch}; null when ok
 */
@Serdeable
public record Verification(boolean ok, long from, long to, long count, @Nullable Long headSeq,
                           @Nullable String headHash, @Nullable Long brokenSeq, @Nullable String reason,
                           @Nullable String detail) {

    static final String ALTERED = "altered content";
    static final String LINK = "broken link";
    static final String MISSING = "missing record";
    static final String HEAD = "head mismatch";

    static Verification ok(long from, long to, long count, long headSeq, String headHash) {
        return new Verification(true, from, to, count, headSeq, headHash, null, null, null);
    }

    static Verification broken(long from, long to, long count, long seq, String reason, String detail) {
        return new Verification(false, from, to, count, null, null, seq, reason, detail);
    }

    /** One line, as the command line prints it. */
    public String line() {
        return ok ? "ok " + count + " records, head " + headSeq + " " + headHash
                : "broken at " + brokenSeq + ": " + reason + " (" + detail + ")";
    }
}
