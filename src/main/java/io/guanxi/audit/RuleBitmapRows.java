package io.guanxi.audit;

import io.guanxi.audit.index.RuleBlock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The indexed records a {@code rule} filter matches, in id order: the rule's bitmaps
 * ({@code decision_rule_bitmap}) read a few hundred blocks at a time and turned into record ids,
 * whose records are then read a chunk of ids at a time, with the query's other filters applied in
 * SQL. Every read runs on the caller's connection, in its snapshot.
 */
final class RuleBitmapRows implements MatchingRows.Source {

    private static final int BLOCKS_PER_READ = 256;
    private static final int MAX_CHUNK = 500;
    private static final String BLOCKS = "SELECT block, bits FROM decision_rule_bitmap WHERE rule_id = ? AND block >= ?"
            + " AND block <= ? ORDER BY block LIMIT " + BLOCKS_PER_READ;

    private final Connection connection;
    private final AuditQuery query;
    private final boolean full;
    private final long indexedSeq;
    private final List<String> namingVersions;
    private final int chunkSize;
    private final long lowId;
    private final long highId;
    private final ArrayDeque<Long> ids = new ArrayDeque<>();
    private long nextBlock;
    private boolean blocksRead;
    private ResultSet chunk;

    /** {@code periodIds} as {@link AuditSql#periodIds} found them (null without a period). */
    RuleBitmapRows(Connection connection, AuditQuery query, boolean full, long indexedSeq, long[] periodIds,
                   List<String> namingVersions) {
        this.connection = connection;
        this.query = query;
        this.full = full;
        this.indexedSeq = indexedSeq;
        this.namingVersions = namingVersions;
        // A page needs its limit and one more; a first chunk that size often answers it whole.
        this.chunkSize = query.limit() > 0 ? Math.min(MAX_CHUNK, query.limit() + 1) : MAX_CHUNK;
        this.lowId = Math.max(query.afterId() + 1, periodIds == null ? 0 : periodIds[0]);
        this.highId = periodIds == null ? Long.MAX_VALUE : periodIds[1];
        this.nextBlock = RuleBlock.blockOf(lowId);
    }

    @Override
    public ResultSet next() throws SQLException {
        while (chunk == null || !chunk.next()) {
            if (chunk != null) {
                chunk.close();
                chunk = null;
            }
            List<Long> chunkIds = nextIds();
            if (chunkIds.isEmpty()) {
                return null;
            }
            chunk = AuditSql.byIds(query, full, indexedSeq, chunkIds, namingVersions).execute(connection, 0);
        }
        return chunk;
    }

    /** Up to a chunk of the next ids the bitmaps name, in order. */
    private List<Long> nextIds() throws SQLException {
        while (ids.size() < chunkSize && !blocksRead) {
            readBlocks();
        }
        List<Long> taken = new ArrayList<>(Math.min(chunkSize, ids.size()));
        while (taken.size() < chunkSize && !ids.isEmpty()) {
            taken.add(ids.poll());
        }
        return taken;
    }

    private void readBlocks() throws SQLException {
        long lastBlock = highId == Long.MAX_VALUE ? Long.MAX_VALUE : RuleBlock.blockOf(highId);
        int read = 0;
        try (PreparedStatement s = connection.prepareStatement(BLOCKS)) {
            s.setString(1, query.ruleId());
            s.setLong(2, nextBlock);
            s.setLong(3, lastBlock);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    read++;
                    long block = rows.getLong(1);
                    addIds(block, Long.parseUnsignedLong(rows.getString(2)));
                    nextBlock = block + 1;
                }
            }
        }
        blocksRead = read < BLOCKS_PER_READ;
    }

    private void addIds(long block, long bits) {
        long first = RuleBlock.firstId(block);
        for (long rest = bits; rest != 0; rest &= rest - 1) {
            long id = first + Long.numberOfTrailingZeros(rest);
            if (id >= lowId && id <= highId) {
                ids.add(id);
            }
        }
    }

    @Override
    public void close() throws SQLException {
        if (chunk != null) {
            chunk.close();
        }
    }
}
