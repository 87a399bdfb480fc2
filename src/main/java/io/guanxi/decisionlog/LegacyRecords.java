package io.guanxi.decisionlog;

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

    static long seal(Connection c) throws SQLException {
        ChainHead head = ChainHead.read(c, true);
        long sealed = 0;
        String select = "SELECT id, " + ChainEncoding.COLUMNS + " FROM decision_record WHERE seq IS NULL ORDER BY id";
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
        if (sealed > 0) {
            head.write(c);
        }
        return sealed;
    }

    private static ChainEncoding.Field seqField() {
        return ChainEncoding.FIELDS.stream().filter(f -> f.column().equals("seq")).findFirst().orElseThrow();
    }
}
