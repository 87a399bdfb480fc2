package io.guanxi.audit.api;

import io.guanxi.audit.index.IndexPosition;
import io.guanxi.decisionlog.LogStatus;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * What {@code GET /v1/audit/head} answers: the decision log's state ({@link LogStatus}) and how far
 * the audit indexes follow the chain.
 *
 * @param index null in the benchmark-only in-memory mode, which keeps no indexes
 */
@Serdeable
record AuditHead(long seq, String hash, long refusedDecisions, String mode, long commits, long committedDecisions,
                 @Nullable Index index) {

    /**
     * @param seq       the last seq the indexes reach; audit queries read the records after it from the chain
     * @param behind    how many records of the chain the indexes do not reach yet
     * @param indexedAt when the indexer last moved (UTC), null if it has not since the indexes were built
     */
    @Serdeable
    record Index(long seq, long behind, @Nullable String indexedAt) {
    }

    static AuditHead of(LogStatus log, @Nullable IndexPosition position) {
        Index index = position == null ? null
                : new Index(position.seq(), Math.max(0, log.seq() - position.seq()), position.indexedAt());
        return new AuditHead(log.seq(), log.hash(), log.refusedDecisions(), log.mode(), log.commits(),
                log.committedDecisions(), index);
    }
}
