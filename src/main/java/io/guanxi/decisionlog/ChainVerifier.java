package io.guanxi.decisionlog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;

/**
 * Walks the audit chain in seq order and recomputes every hash: a record whose content changed,
 * whose link to its predecessor is wrong, or that is missing is found and located. Reads in pages,
 * so the whole chain never sits in memory.
 */
public final class ChainVerifier {

    private static final int PAGE = 1000;
    private static final String SELECT = "SELECT " + ChainEncoding.COLUMNS + ", prev_hash, hash FROM decision_record"
            + " WHERE seq >= ? AND seq <= ? ORDER BY seq LIMIT " + PAGE;

    private final long first;
    private final long last;
    /** The next seq expected, and the hash its record must link to. */
    private long expected;
    private String prevHash;

    private ChainVerifier(long first, long last, String anchor) {
        this.first = first;
        this.last = last;
        this.expected = first;
        this.prevHash = anchor;
    }

    /** Verifies records {@code from..to} (to null: up to the head); run it in one read transaction. */
    public static Verification verify(Connection c, long from, Long to) throws SQLException {
        ChainHead head = ChainHead.read(c, false);
        long first = Math.max(from, 1);
        long last = to == null ? head.seq() : Math.min(to, head.seq());
        if (first > last) {
            // Nothing stored in the range (it begins after the head): nothing to contradict.
            return Verification.ok(first, last, 0, head.seq(), head.hash());
        }
        String anchor = first == 1 ? ChainEncoding.GENESIS : storedHash(c, first - 1);
        if (anchor == null) {
            return Verification.broken(first, last, 0, first - 1, Verification.MISSING,
                    "record " + (first - 1) + ", the anchor of the range, is not stored");
        }
        ChainVerifier walk = new ChainVerifier(first, last, anchor);
        Verification broken = walk.walk(c, head);
        if (broken != null) {
            return broken;
        }
        if (to == null && last > 0 && !head.hash().equals(walk.prevHash)) {
            return walk.broken(last, Verification.HEAD, "the stored head's hash differs from record " + last + "'s");
        }
        return Verification.ok(first, last, Math.max(0, last - first + 1), last, walk.prevHash);
    }

    /** The first break up to {@code last}, or null. */
    private Verification walk(Connection c, ChainHead head) throws SQLException {
        while (expected <= last) {
            long before = expected;
            Verification broken = page(c);
            if (broken != null) {
                return broken;
            }
            if (expected == before) {
                return broken(expected, Verification.MISSING,
                        "no record " + expected + " although the head is at " + head.seq());
            }
        }
        return null;
    }

    private Verification page(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SELECT)) {
            s.setLong(1, expected);
            s.setLong(2, last);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    Verification broken = check(rows.getLong("seq"), ChainEncoding.values(rows),
                            rows.getString("prev_hash"), rows.getString("hash"));
                    if (broken != null) {
                        return broken;
                    }
                    prevHash = rows.getString("hash");
                    expected++;
                }
            }
        }
        return null;
    }

    private Verification check(long seq, Object[] values, String storedPrev, String storedHash) {
        if (seq != expected) {
            return broken(expected, Verification.MISSING, "no record " + expected + "; the next stored is " + seq);
        }
        if (!Objects.equals(storedPrev, prevHash)) {
            return broken(seq, Verification.LINK, "its previous hash is not the hash of record " + (seq - 1));
        }
        if (!Objects.equals(ChainEncoding.hash(values, storedPrev), storedHash)) {
            return broken(seq, Verification.ALTERED, "its content does not match its hash");
        }
        return null;
    }

    private Verification broken(long seq, String reason, String detail) {
        return Verification.broken(first, last, expected - first, seq, reason, detail);
    }

    private static String storedHash(Connection c, long seq) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT hash FROM decision_record WHERE seq = ?")) {
            s.setLong(1, seq);
            try (ResultSet row = s.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }
}
