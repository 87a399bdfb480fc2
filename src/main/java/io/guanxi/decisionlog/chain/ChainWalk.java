package io.guanxi.decisionlog.chain;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;

/**
 * One walk over the stored records {@code first..last} in seq order, in pages, noting every break
 * and going on after it: a record whose stored hash was kept still anchors its successor by that
 * hash, and after missing records the next stored record anchors the rest (its own link cannot be
 * checked, since its predecessor is gone).
 */
final class ChainWalk {

    private static final int PAGE = 1000;
    /** A page of stored records from seq ? to seq ?, each with its covered values and both hashes. */
    static final String SELECT = "SELECT " + ChainEncoding.COLUMNS + ", prev_hash, hash FROM decision_record"
            + " WHERE seq >= ? AND seq <= ? ORDER BY seq LIMIT " + PAGE;

    /** A stored record as the chain sees it: its covered values and both hashes as stored. */
    record Stored(long seq, Object[] values, String prevHash, String hash) {

        static Stored from(ResultSet row) throws SQLException {
            return new Stored(row.getLong("seq"), ChainEncoding.values(row), row.getString("prev_hash"),
                    row.getString("hash"));
        }

        /** The record with this seq, or null when none is stored. */
        static Stored read(Connection c, long seq) throws SQLException {
            try (PreparedStatement s = c.prepareStatement(SELECT)) {
                s.setLong(1, seq);
                s.setLong(2, seq);
                try (ResultSet row = s.executeQuery()) {
                    return row.next() ? from(row) : null;
                }
            }
        }

        String recomputed() {
            return ChainEncoding.hash(values, prevHash);
        }
    }

    private final long last;
    private final long headSeq;
    private final Breaks breaks;
    /** The next seq expected, and the hash its record must link to (anchored false: take its link as it is). */
    private long expected;
    private String prevHash;
    private boolean anchored;
    private long reachedSeq;
    private long checked;

    /** A walk whose first record must link to {@code anchor}; null: the anchor itself is not stored. */
    ChainWalk(long first, long last, String anchor, long headSeq, Breaks breaks) {
        this.last = last;
        this.headSeq = headSeq;
        this.breaks = breaks;
        this.expected = first;
        this.prevHash = anchor;
        this.anchored = anchor != null;
        this.reachedSeq = first - 1;
    }

    void run(Connection c) throws SQLException {
        while (expected <= last) {
            if (!page(c)) {
                missing(last, " although the head is at " + headSeq);
                expected = last + 1;
            }
        }
    }

    /** How many stored records were checked. */
    long checked() {
        return checked;
    }

    /** The last record walked, as reached: its seq and stored hash (the anchor when nothing was walked). */
    ChainHead reached() {
        return new ChainHead(reachedSeq, prevHash);
    }

    /** Checks the next page; false when no record is stored from the expected seq up to {@code last}. */
    private boolean page(Connection c) throws SQLException {
        boolean any = false;
        try (PreparedStatement s = c.prepareStatement(SELECT)) {
            s.setLong(1, expected);
            s.setLong(2, last);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    any = true;
                    check(Stored.from(rows));
                }
            }
        }
        return any;
    }

    private void check(Stored record) {
        long seq = record.seq();
        if (seq > expected) {
            missing(seq - 1, "; the next stored is " + seq);
            anchored = false;
        }
        boolean linked = !anchored || Objects.equals(record.prevHash(), prevHash);
        boolean intact = Objects.equals(record.recomputed(), record.hash());
        if (!linked) {
            breaks.add(seq, Verification.LINK, "its previous hash is not the hash of record " + (seq - 1)
                    + (intact ? "" : ", and its content does not match its hash"));
        } else if (!intact) {
            breaks.add(seq, Verification.ALTERED, "its content does not match its hash");
        }
        prevHash = record.hash();
        anchored = true;
        reachedSeq = seq;
        expected = seq + 1;
        checked++;
    }

    private void missing(long upTo, String why) {
        breaks.add(expected, upTo, Verification.MISSING, (upTo == expected ? "no record " + expected
                : "no records " + expected + " to " + upTo) + why);
    }
}
