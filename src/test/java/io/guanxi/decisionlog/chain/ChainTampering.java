package io.guanxi.decisionlog.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.guanxi.advice.AdviceApi;
import io.guanxi.testing.AuditDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Tampers with the stored chain the way an intruder with database access would, and puts every
 * row back exactly as it was on {@link #close}, so that the shared test chain stays whole.
 */
final class ChainTampering implements AutoCloseable {

    private final Connection c;
    private final List<Long> touched = new ArrayList<>();
    private final String headSeq;
    private final String headHash;
    private final String headRecordId;

    /**
     * Makes {@code count} decisions for a new customer over HTTP; returns their seqs, which follow
     * each other because nothing else decides while a test runs.
     */
    static long[] freshRecords(AdviceApi api, String prefix, int count) throws SQLException {
        String customer = AdviceApi.uniqueCustomer(prefix);
        long[] seqs = new long[count];
        for (int i = 0; i < count; i++) {
            seqs[i] = AuditDatabase.seqOf(api.advise(AdviceApi.validRequest(customer)).text("decisionId"));
        }
        assertEquals(seqs[0] + count - 1, seqs[count - 1], "records are sealed when committed, one after the other");
        return seqs;
    }

    ChainTampering() throws SQLException {
        c = AuditDatabase.connect();
        AuditDatabase.update(c, "CREATE TEMPORARY TABLE kept_record AS SELECT * FROM decision_record WHERE 1 = 0");
        headSeq = AuditDatabase.text(c, "SELECT seq FROM decision_chain_head WHERE id = 1");
        headHash = AuditDatabase.text(c, "SELECT hash FROM decision_chain_head WHERE id = 1");
        headRecordId = AuditDatabase.text(c, "SELECT record_id FROM decision_chain_head WHERE id = 1");
    }

    /** Changes a covered field of record {@code seq} and keeps its stored hash. */
    ChainTampering alter(long seq) throws SQLException {
        keep(seq);
        AuditDatabase.update(c, "UPDATE decision_record SET evaluation_micros = evaluation_micros + 1 WHERE seq = ?", seq);
        return this;
    }

    /** Changes a covered field of record {@code seq} and stores the hash that fits the change. */
    ChainTampering alterAndRehash(long seq) throws SQLException {
        alter(seq);
        AuditDatabase.update(c, "UPDATE decision_record SET hash = ? WHERE seq = ?",
                ChainWalk.Stored.read(c, seq).recomputed(), seq);
        return this;
    }

    ChainTampering delete(long seq) throws SQLException {
        keep(seq);
        AuditDatabase.update(c, "DELETE FROM decision_record WHERE seq = ?", seq);
        return this;
    }

    /** Points the head row at {@code seq} and {@code hash}, whatever is stored. */
    ChainTampering rewriteHead(long seq, String hash) throws SQLException {
        AuditDatabase.update(c, "UPDATE decision_chain_head SET seq = ?, hash = ? WHERE id = 1", seq, hash);
        return this;
    }

    String storedHash(long seq) throws SQLException {
        return AuditDatabase.text(c, "SELECT hash FROM decision_record WHERE seq = ?", seq);
    }

    private void keep(long seq) throws SQLException {
        if (!touched.contains(seq)) {
            touched.add(seq);
            AuditDatabase.update(c, "INSERT INTO kept_record SELECT * FROM decision_record WHERE seq = ?", seq);
        }
    }

    @Override
    public void close() throws SQLException {
        try (c) {
            for (long seq : touched) {
                AuditDatabase.update(c, "DELETE FROM decision_record WHERE seq = ?", seq);
            }
            AuditDatabase.update(c, "INSERT INTO decision_record SELECT * FROM kept_record");
            AuditDatabase.update(c, "UPDATE decision_chain_head SET seq = ?, hash = ?, record_id = ? WHERE id = 1",
                    headSeq, headHash, headRecordId);
        }
    }
}
