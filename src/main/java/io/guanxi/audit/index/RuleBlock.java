package io.guanxi.audit.index;

import java.util.Comparator;

/**
 * A row of {@code decision_rule_bitmap}: a rule and a block of 64 consecutive record ids, whose
 * bits say in which of them the rule fired (bit {@code id % 64} of block {@code id / 64}).
 */
public record RuleBlock(String ruleId, long block) implements Comparable<RuleBlock> {

    /** Record ids a block covers. */
    public static final int SIZE = 64;

    private static final Comparator<RuleBlock> ORDER =
            Comparator.comparing(RuleBlock::ruleId).thenComparingLong(RuleBlock::block);

    static RuleBlock of(String ruleId, long recordId) {
        return new RuleBlock(ruleId, Math.floorDiv(recordId, SIZE));
    }

    /** The record's bit within its block. */
    static long bit(long recordId) {
        return 1L << Math.floorMod(recordId, SIZE);
    }

    /** The first record id of {@code block}. */
    public static long firstId(long block) {
        return block * SIZE;
    }

    /** The block holding {@code recordId}. */
    public static long blockOf(long recordId) {
        return Math.floorDiv(recordId, SIZE);
    }

    @Override
    public int compareTo(RuleBlock other) {
        return ORDER.compare(this, other);
    }
}
