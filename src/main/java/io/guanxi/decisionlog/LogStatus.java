package io.guanxi.decisionlog;

import io.micronaut.serde.annotation.Serdeable;

/**
 * The state of the decision log as {@code GET /v1/audit/head} reports it.
 *
 * @param seq                the head's place in the chain; an auditor notes it with the hash
 * @param hash               the head's hash
 * @param refusedDecisions   decisions refused since start because their record could not be written
 * @param mode               {@code database}, or {@code in-memory} in the benchmark-only mode
 * @param commits            batch transactions committed since start
 * @param committedDecisions decisions committed since start (several per commit under load)
 */
@Serdeable
public record LogStatus(long seq, String hash, long refusedDecisions, String mode, long commits,
                        long committedDecisions) {
}
