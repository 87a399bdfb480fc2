package io.guanxi.simulation;

import io.guanxi.decisionlog.chain.ChainHead;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Map;

/**
 * What a candidate rule set would have done to a population of decisions, and what it ran against.
 *
 * @param matrices     for each of the five single-valued outputs, how many decisions went from each
 *                     code before to each code after ({@code -}: nothing decided before)
 * @param codes        for {@code flags}, {@code entitlements} and {@code actions}: per code, in how
 *                     many decisions it is added and removed
 * @param rules        per rule id: in how many decisions it fired before and after
 * @param findings     decisions of the candidate's own version that it did not reproduce (the first 100)
 * @param skippedRecords records not replayed and why (the first 100)
 */
@Serdeable
public record Report(Counts counts, Map<String, List<Cell>> matrices, Map<String, List<CodeChange>> codes,
              List<RuleCount> rules, List<Finding> findings, List<Skip> skippedRecords, RanAgainst ranAgainst) {

    /** How many decisions were replayed, changed (any code differs), kept, reproduced, found wanting and skipped. */
    @Serdeable
    record Counts(long replayed, long changed, long unchanged, long reproduced, long notReproduced, long skipped) {
    }

    @Serdeable
    record Cell(String before, String after, long count) {
    }

    @Serdeable
    record CodeChange(String code, long added, long removed) {
    }

    @Serdeable
    record RuleCount(String rule, long before, long after) {
    }

    /** A decision of the candidate's own version that its replay does not reproduce exactly. */
    @Serdeable
    record Finding(long seq, @Nullable String decisionId, Outcome logged, Outcome replayed) {
    }

    @Serdeable
    record Skip(long seq, @Nullable String decisionId, String reason) {
    }

    /**
     * @param candidate  how the candidate was given: {@code live}, {@code version} or {@code files}
     * @param population {@code log} or {@code facts}
     * @param chainHead  the head of the audit chain when the replay began (log only)
     * @param baselineVersion for a facts file: the version that decided {@code before}
     */
    @Serdeable
    record RanAgainst(String candidateVersion, String candidate, String population, @Nullable PopulationFilter filter,
                      @Nullable ChainHead chainHead, @Nullable String baselineVersion, String startedAt,
                      String finishedAt, double seconds) {
    }
}
