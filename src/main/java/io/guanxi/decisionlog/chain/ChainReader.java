package io.guanxi.decisionlog.chain;

import io.micronaut.core.annotation.Nullable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * Reads stored records in seq order for a caller that uses their content (a replay), each with its
 * hash recomputed and its link to the record before checked, so that nothing unverified is ever
 * used as if it were the logged decision. Reads in pages; only the current page sits in memory.
 */
public final class ChainReader {

    /** The verifier's page of records: both read exactly the same columns, in the same order. */
    private static final String SELECT = ChainWalk.SELECT;
    private static final String LAST_OF = "SELECT " + ChainEncoding.COLUMNS + ", prev_hash, hash FROM decision_record"
            + " WHERE customer_id = ? AND seq < ? ORDER BY seq DESC LIMIT 1";

    /**
     * One record as read: intact ({@code broken} null) or broken, with why. A run of missing records
     * is one read whose record is null.
     */
    public record Read(long seq, @Nullable DecisionRecord record, @Nullable String broken) {

        public boolean intact() {
            return broken == null;
        }
    }

    /** What receives each record read. */
    @FunctionalInterface
    public interface Reader {
        void accept(Read read) throws SQLException;
    }

    private ChainReader() {
    }

    /** Reads records {@code first..last} (first at least 1), linked on from the stored hash of record {@code first - 1}. */
    public static void read(Connection c, long first, long last, Reader each) throws SQLException {
        String prevHash = first <= 1 ? ChainEncoding.GENESIS : storedHash(c, first - 1);
        long expected = Math.max(first, 1);
        while (expected <= last) {
            long before = expected;
            try (PreparedStatement s = c.prepareStatement(SELECT)) {
                s.setLong(1, expected);
                s.setLong(2, last);
                try (ResultSet rows = s.executeQuery()) {
                    while (rows.next()) {
                        Read read = check(rows, expected, prevHash);
                        if (read.seq() > expected) {
                            each.accept(new Read(expected, null, Verification.MISSING + " (records " + expected
                                    + " to " + (read.seq() - 1) + " are not stored)"));
                        }
                        each.accept(read);
                        prevHash = read.record().hash();
                        expected = read.seq() + 1;
                    }
                }
            }
            if (expected == before) {
                each.accept(new Read(expected, null, Verification.MISSING + " (records " + expected + " to " + last
                        + " are not stored)"));
                expected = last + 1;
            }
        }
    }

    /** The last record of a customer before {@code seq}, its hash checked (its link is not: it is read alone). */
    public static Read lastBefore(Connection c, String customerId, long seq) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(LAST_OF)) {
            s.setString(1, customerId);
            s.setLong(2, seq);
            try (ResultSet rows = s.executeQuery()) {
                if (!rows.next()) {
                    return null;
                }
                Object[] values = ChainEncoding.values(rows);
                DecisionRecord r = record(values, rows);
                return new Read(r.seq(), r, intact(values, r) ? null : Verification.ALTERED
                        + " (its content does not match its hash)");
            }
        }
    }

    private static Read check(ResultSet row, long expected, @Nullable String prevHash) throws SQLException {
        Object[] values = ChainEncoding.values(row);
        DecisionRecord r = record(values, row);
        // After missing records the next stored one cannot be linked: its predecessor is gone.
        boolean linked = r.seq() > expected || prevHash == null || Objects.equals(prevHash, r.prevHash());
        if (!intact(values, r)) {
            return new Read(r.seq(), r, Verification.ALTERED + " (its content does not match its hash)");
        }
        return new Read(r.seq(), r, linked ? null : Verification.LINK + " (its previous hash is not the hash of record "
                + (r.seq() - 1) + ")");
    }

    /** Hashed from the values exactly as stored, as the verifier does. */
    private static boolean intact(Object[] values, DecisionRecord r) {
        return Objects.equals(ChainEncoding.hash(values, r.prevHash()), r.hash());
    }

    private static DecisionRecord record(Object[] v, ResultSet row) throws SQLException {
        return new DecisionRecord(null, (String) v[1], (String) v[2], (String) v[3], (String) v[4], (String) v[5],
                (String) v[6], (String) v[7], (String) v[8], (String) v[9], (String) v[10], (String) v[11],
                (String) v[12], (String) v[13], (LocalDateTime) v[14], v[15] == null ? 0 : (Long) v[15],
                (String) v[16], (String) v[17], (Long) v[18], (String) v[19], (String) v[20], (Long) v[0],
                row.getString("prev_hash"), row.getString("hash"));
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
