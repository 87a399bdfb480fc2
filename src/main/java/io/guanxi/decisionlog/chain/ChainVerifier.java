package io.guanxi.decisionlog.chain;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Walks the audit chain in seq order and recomputes every hash: every record whose content changed,
 * whose link to its predecessor is wrong, or that is missing is found and located, and so is a
 * stored head that is not the last record. Reads in pages, so the whole chain never sits in memory.
 */
public final class ChainVerifier {

    private ChainVerifier() {
    }

    /** Verifies records {@code from..to} (to null: up to the head); run it in one read transaction. */
    public static Verification verify(Connection c, long from, Long to, int limit) throws SQLException {
        ChainHead head = ChainHead.read(c, false);
        Breaks breaks = new Breaks(limit);
        long first = Math.max(from, 1);
        long last = to == null ? head.seq() : Math.min(to, head.seq());
        if (first > last) {
            // Nothing stored in the range (it begins after the head): nothing to contradict but the head.
            if (to == null) {
                recordsAfterHead(c, head, breaks);
            }
            return Verification.of(first, last, 0, head, breaks);
        }
        String anchor = first == 1 ? ChainEncoding.GENESIS : storedHash(c, first - 1);
        if (anchor == null) {
            breaks.add(first - 1, Verification.MISSING, "record " + (first - 1) + ", the anchor of the range, is not stored");
        }
        ChainWalk walk = new ChainWalk(first, last, anchor, head.seq(), breaks);
        walk.run(c);
        if (to == null) {
            checkHead(c, head, walk.reached(), breaks);
        }
        return Verification.of(first, last, walk.checked(), walk.reached(), breaks);
    }

    /**
     * Proves the log only grew since a head noted earlier: the record at its seq still has its hash
     * (stored and recomputed), the records after it link on to the current head, and the head is
     * the last record. A log cut back below the noted seq is reported as such, even when what is
     * left verifies.
     */
    public static Verification since(Connection c, NotedHead noted, int limit) throws SQLException {
        ChainHead head = ChainHead.read(c, false);
        Breaks breaks = new Breaks(limit);
        ChainWalk.Stored record = ChainWalk.Stored.read(c, noted.seq());
        checkNoted(noted, record, head, breaks);
        // Anchored on the noted hash itself: a rewritten record at the noted seq cannot re-anchor the rest.
        ChainWalk walk = new ChainWalk(noted.seq() + 1, head.seq(), noted.hash(), head.seq(), breaks);
        walk.run(c);
        // With nothing after the noted seq, the head must be that record as stored.
        ChainHead reached = walk.checked() > 0 || record == null ? walk.reached() : new ChainHead(noted.seq(), record.hash());
        checkHead(c, head, reached, breaks);
        return Verification.of(noted.seq(), head.seq(), walk.checked() + (record == null ? 0 : 1), reached, breaks);
    }

    private static void checkNoted(NotedHead noted, ChainWalk.Stored record, ChainHead head, Breaks breaks) {
        long seq = noted.seq();
        if (record == null) {
            breaks.add(seq, Verification.LOST, seq > head.seq()
                    ? "the log no longer contains the noted head " + seq + ": it has shrunk, its head is now " + head.seq()
                    : "the noted head " + seq + " is no longer stored");
        } else if (!noted.hash().equals(record.hash())) {
            breaks.add(seq, Verification.LOST, "record " + seq + " no longer has the noted hash: its stored hash was rewritten");
        } else if (!noted.hash().equals(record.recomputed())) {
            breaks.add(seq, Verification.LOST, "record " + seq + " no longer has the noted hash: its content was altered");
        }
    }

    /** The stored head must be the last record walked, and no record may lie beyond it. */
    private static void checkHead(Connection c, ChainHead head, ChainHead reached, Breaks breaks) throws SQLException {
        // A missing last record is already reported; only a record that was reached can disagree.
        if (head.seq() > 0 && reached.seq() == head.seq() && !head.hash().equals(reached.hash())) {
            breaks.add(head.seq(), Verification.HEAD, "the stored head's hash differs from record " + head.seq() + "'s");
        }
        recordsAfterHead(c, head, breaks);
    }

    private static void recordsAfterHead(Connection c, ChainHead head, Breaks breaks) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT MIN(seq), MAX(seq) FROM decision_record WHERE seq > ?")) {
            s.setLong(1, head.seq());
            try (ResultSet row = s.executeQuery()) {
                long first = row.next() ? row.getLong(1) : 0;
                if (first > 0) {
                    long last = row.getLong(2);
                    breaks.add(first, last, Verification.HEAD, (first == last ? "record " + first + " is"
                            : "records " + first + " to " + last + " are") + " stored after the stored head " + head.seq());
                }
            }
        }
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
