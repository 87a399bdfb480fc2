package io.guanxi.decisionlog.chain;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.ArrayList;
import java.util.List;

/**
 * The result of walking the audit chain over a range: {@code ok} with how many records were checked
 * and the last one's seq and hash, or every break found (the first ones listed, all counted), the
 * first of them also in {@code brokenSeq}, {@code reason} and {@code detail}.
 *
 * @param count           the stored records checked
 * @param reason          {@code altered content}, {@code broken link}, {@code missing record},
 *                        {@code head mismatch} or {@code noted head lost}; null when ok
 * @param breaks          the breaks in the order found, at most the limit asked for
 * @param breakCount      how many breaks were found in all
 * @param breaksTruncated whether more breaks were found than {@code breaks} lists
 */
@Serdeable
public record Verification(boolean ok, long from, long to, long count, @Nullable Long headSeq,
                           @Nullable String headHash, @Nullable Long brokenSeq, @Nullable String reason,
                           @Nullable String detail, List<ChainBreak> breaks, long breakCount,
                           boolean breaksTruncated) {

    static final String ALTERED = "altered content";
    static final String LINK = "broken link";
    static final String MISSING = "missing record";
    static final String HEAD = "head mismatch";
    /** The head an auditor noted is no longer in the log: cut off, rewritten or altered. */
    static final String LOST = "noted head lost";

    /** Ok with {@code reached} as the head when no break was found, else broken. */
    static Verification of(long from, long to, long count, ChainHead reached, Breaks breaks) {
        if (breaks.count() == 0) {
            return new Verification(true, from, to, count, reached.seq(), reached.hash(), null, null, null,
                    List.of(), 0, false);
        }
        List<ChainBreak> listed = breaks.listed();
        ChainBreak first = listed.get(0);
        return new Verification(false, from, to, count, null, null, first.seq(), first.reason(), first.detail(),
                listed, breaks.count(), breaks.truncated());
    }

    /** The first line, as the command line prints it first: ok with the head, or the first break. */
    public String line() {
        return ok ? "ok " + count + " records, head " + headSeq + " " + headHash
                : "broken at " + brokenSeq + ": " + reason + " (" + detail + ")";
    }

    /** What the command line prints: the first line, then, when broken, one line per listed break and the total. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add(line());
        if (!ok) {
            breaks.forEach(b -> lines.add("  " + b.line()));
            lines.add(breakCount + (breakCount == 1 ? " break" : " breaks") + " found"
                    + (breaksTruncated ? ", the first " + breaks.size() + " listed" : ""));
        }
        return lines;
    }
}
