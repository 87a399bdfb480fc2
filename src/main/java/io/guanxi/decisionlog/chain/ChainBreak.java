package io.guanxi.decisionlog.chain;

import io.micronaut.serde.annotation.Serdeable;

/**
 * One broken place of the audit chain: the record (or the run of missing records {@code seq..lastSeq})
 * and why it breaks the chain.
 *
 * @param lastSeq equals {@code seq} except for a run of missing records
 * @param reason  one of the reasons of {@link Verification}
 */
@Serdeable
public record ChainBreak(long seq, long lastSeq, String reason, String detail) {

    /** {@code 12: altered content (its content does not match its hash)}, or {@code 12-15: missing record (...)}. */
    String line() {
        return (lastSeq == seq ? String.valueOf(seq) : seq + "-" + lastSeq) + ": " + reason + " (" + detail + ")";
    }
}
