package io.guanxi.audit.overview;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Map;

/**
 * The decisions of the last days at a glance, as {@code GET /v1/audit/overview} answers: per UTC day
 * by tier and by cooperation stage, the period's transitions and its most fired rules, with the
 * Chinese label of every code shown. Counted from the audit indexes, so decisions the indexer has not
 * reached yet ({@code indexedUpTo} below the chain's head) are not in it yet.
 *
 * @param from        the first day's start (UTC)
 * @param to          the end of the period (now)
 * @param indexedUpTo the indexer's position: every decision up to this seq is counted
 * @param labels      the Chinese label of each code, by output ({@code tier}, {@code cooperationStage}, …)
 */
@Serdeable
public record OverviewView(String from, String to, long indexedUpTo, long decisions, List<Day> days,
                           Map<String, Long> transitions, List<RuleHits> rules,
                           Map<String, Map<String, String>> labels) {

    /** One UTC day: its decisions in all, by tier and by cooperation stage (every code present, 0 when none). */
    @Serdeable
    public record Day(String day, long decisions, Map<String, Long> tiers, Map<String, Long> stages) {
    }

    /** A rule, its full name in the live rule set, and the decisions of the period it fired in. */
    @Serdeable
    public record RuleHits(String rule, String name, long decisions) {
    }
}
