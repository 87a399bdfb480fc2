package io.guanxi.decisionlog.chain;

import java.util.ArrayList;
import java.util.List;

/**
 * The breaks one verification finds, in the order found: the first {@code limit} of them kept, and
 * how many there are in all, so that a badly damaged log costs no more memory than an intact one.
 */
final class Breaks {

    private final int limit;
    private final List<ChainBreak> listed = new ArrayList<>();
    private long count;

    Breaks(int limit) {
        this.limit = limit;
    }

    void add(long seq, long lastSeq, String reason, String detail) {
        count++;
        if (listed.size() < limit) {
            listed.add(new ChainBreak(seq, lastSeq, reason, detail));
        }
    }

    /** One record's break. */
    void add(long seq, String reason, String detail) {
        add(seq, seq, reason, detail);
    }

    long count() {
        return count;
    }

    List<ChainBreak> listed() {
        return List.copyOf(listed);
    }

    boolean truncated() {
        return count > listed.size();
    }
}
