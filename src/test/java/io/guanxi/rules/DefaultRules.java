package io.guanxi.rules;

import io.guanxi.facts.Advice;
import io.guanxi.facts.CooperationStage;
import io.guanxi.facts.CustomerFacts;
import io.guanxi.facts.SegmentSize;
import io.guanxi.facts.StoredRelationship;
import io.guanxi.rules.compile.RuleSetCompiler;
import io.guanxi.rules.engine.RuleSet;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The shipped rule set under {@code rules/}, compiled once per test JVM, and a baseline customer
 * to vary one fact at a time: no HTTP, no database, no mocks.
 */
public final class DefaultRules {

    public static final Clock PINNED = Clock.fixed(Instant.parse("2026-11-23T08:15:30.123Z"), ZoneOffset.UTC);
    private static final RuleSet RULES = new RuleSetCompiler(PINNED).compile(RuleSetSource.read(Path.of("rules")));

    private DefaultRules() {
    }

    public static RuleSet ruleSet() {
        return RULES;
    }

    /**
     * A settled, unremarkable customer: INITIAL share, FORMATION, STANDARD tier, MEDIUM x MEDIUM
     * margin (ACCOUNTABLE). Tests change only the facts they are about.
     */
    public static CustomerFacts.Builder customer() {
        return CustomerFacts.builder()
                .customerId("C-1")
                .purchaseShare(new BigDecimal("0.30"))
                .annualRevenue(new BigDecimal("500000"))
                .profitMargin(new BigDecimal("0.15"))
                .revenueTrend(new BigDecimal("0.05"))
                .orderCount12m(12)
                .tenureMonths(24)
                .segmentSize(SegmentSize.MEDIUM);
    }

    public static Advice decide(CustomerFacts.Builder facts) {
        return RULES.evaluate(facts.build(), StoredRelationship.none());
    }

    public static Advice decide(CustomerFacts.Builder facts, CooperationStage previous, String previousShare) {
        return RULES.evaluate(facts.build(), new StoredRelationship(previous,
                previousShare == null ? null : new BigDecimal(previousShare)));
    }

    public static BigDecimal d(String value) {
        return new BigDecimal(value);
    }
}
