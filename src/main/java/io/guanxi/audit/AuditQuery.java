package io.guanxi.audit;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/**
 * One audit question over the decision log, validated: which decisions (every filter is optional
 * and they combine with AND), from which position, how many.
 *
 * @param from     inclusive lower bound on decidedAt
 * @param to       exclusive upper bound on decidedAt
 * @param ruleId   a fired rule's stable id ({@code TIER-010}), also set when a full name was asked for
 * @param ruleName a fired rule's full name, when asked for by name
 * @param afterId  the position after which the page starts (0: the first page)
 * @param limit    the page size; 0 for an export, which has none
 * @param format   {@code jsonl} or {@code csv} for an export; {@code null} for a page
 * @param experimentId the experiment the decisions were made under
 * @param arm      the experiment arm: {@code champion}, {@code challenger} or {@code shadow}
 */
record AuditQuery(
        @Nullable String customerId,
        @Nullable Instant from,
        @Nullable Instant to,
        @Nullable String tier,
        @Nullable String ruleId,
        @Nullable String ruleName,
        @Nullable String transition,
        long afterId,
        int limit,
        @Nullable String format,
        @Nullable Long experimentId,
        @Nullable String arm) {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
}
