package io.guanxi.decisionlog.write;

import io.guanxi.decisionlog.chain.ChainEncoding;
import io.guanxi.decisionlog.chain.ChainHead;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Records written before the audit chain existed (V3) have no seq: they are sealed into the chain
 * in id order, holding the head lock, before anything new is appended. The chain vouches for them
 * from that moment on.
 */
final class LegacyRecords {

    private LegacyRecords() {
    }

    /** Rows read at a time: however many legacy records there are, memory stays bounded. */
    private static final int CHUNK = 500;

    /** How far one chunk moved the chain. */
    private record Chunk(ChainHead head, int sealed) {
    }

    static long seal(Connection c) throws SQLException {
        Chunk chunk = new Chunk(ChainHead.read(c, true), 0);
        long sealed = 0;
        do {
            chunk = sealChunk(c, chunk.head());
            sealed += chunk.sealed();
        } while (chunk.sealed() == CHUNK);
        if (sealed > 0) {
            chunk.head().write(c);
        }
        return sealed;
    }

    /** Seals the next (at most {@link #CHUNK}) unsealed records after {@code head}. */
    private static Chunk sealChunk(Connection c, ChainHead head) throws SQLException {
        int sealed = 0;
        String select = "SELECT id, " + ChainEncoding.COLUMNS + " FROM decision_record WHERE seq IS NULL ORDER BY id"
                + " LIMIT " + CHUNK;
        try (PreparedStatement s = c.prepareStatement(select); ResultSet rows = s.executeQuery();
             PreparedStatement update = c.prepareStatement(
                     "UPDATE decision_record SET seq = ?, prev_hash = ?, hash = ? WHERE id = ?")) {
            while (rows.next()) {
                Object[] values = ChainEncoding.values(rows);
                long seq = head.seq() + 1;
                values[ChainEncoding.FIELDS.indexOf(seqField())] = seq;
                String hash = ChainEncoding.hash(values, head.hash());
                update.setLong(1, seq);
                update.setString(2, head.hash());
                update.setString(3, hash);
                update.setLong(4, rows.getLong("id"));
                update.executeUpdate();
                head = new ChainHead(seq, hash);
                sealed++;
            }
        }
        return new Chunk(head, sealed);
    }

    private static ChainEncoding.Field seqField() {
        return ChainEncoding.FIELDS.stream().filter(f -> f.column().equals("seq")).findFirst().orElseThrow();
    }
}
