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

    private ChainVerifier() {
    }

    /** Verifies records {@code from..to} (to null: up to the head); run it in one read transaction. */
    public static Verification verify(Connection c, long from, Long to) throws SQLException {
        ChainHead head = ChainHead.read(c, false);
        long last = to == null ? head.seq() : Math.min(to, head.seq());
        String prevHash = from <= 1 ? ChainEncoding.GENESIS : storedHash(c, from - 1);
        if (prevHash == null) {
            return Verification.broken(from, last, 0, from - 1, Verification.MISSING,
                    "record " + (from - 1) + ", the anchor of the range, is not stored");
        }
        long expected = Math.max(from, 1);
        long first = expected;
        while (expected <= last) {
            long before = expected;
            try (PreparedStatement s = c.prepareStatement(SELECT)) {
                s.setLong(1, expected);
                s.setLong(2, last);
                try (ResultSet rows = s.executeQuery()) {
                    while (rows.next()) {
                        Object[] values = ChainEncoding.values(rows);
                        Verification broken = check(rows.getLong("seq"), values, rows.getString("prev_hash"),
                                rows.getString("hash"), expected, prevHash, first, last);
                        if (broken != null) {
                            return broken;
                        }
                        prevHash = rows.getString("hash");
                        expected++;
                    }
                }
            }
            if (expected == before) {
                return Verification.broken(first, last, expected - first, expected, Verification.MISSING,
                        "no record " + expected + " although the head is at " + head.seq());
            }
        }
        if (to == null && last > 0 && !head.hash().equals(prevHash)) {
            return Verification.broken(first, last, last - first + 1, last, Verification.HEAD,
                    "the stored head's hash differs from record " + last + "'s hash");
        }
        return Verification.ok(first, last, Math.max(0, last - first + 1), last, prevHash);
    }

    private static Verification check(long seq, Object[] values, String storedPrev, String storedHash,
                                      long expected, String prevHash, long first, long last) {
        long count = expected - first;
        if (seq != expected) {
            return Verification.broken(first, last, count, expected, Verification.MISSING,
                    "no record " + expected + "; the next stored is " + seq);
        }
        if (!Objects.equals(storedPrev, prevHash)) {
            return Verification.broken(first, last, count, seq, Verification.LINK,
                    "its previous hash is not the hash of record " + (seq - 1));
        }
        if (!Objects.equals(ChainEncoding.hash(values, storedPrev), storedHash)) {
            return Verification.broken(first, last, count, seq, Verification.ALTERED,
                    "its content does not match its hash");
        }
        return null;
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
