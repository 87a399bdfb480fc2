package io.guanxi.rules.lifecycle;

import io.guanxi.facts.Advice;
import io.guanxi.facts.CustomerFacts;
import io.guanxi.facts.StoredRelationship;
import io.guanxi.rules.engine.RuleSet;
import jakarta.inject.Singleton;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The live rule set. A decision reads it once and is evaluated wholly on it, so a swap never mixes
 * two rule sets in one decision; {@link RuleSetActivator} decides what goes live.
 */
@Singleton
public class LiveRuleSet {

    private final AtomicReference<Current> live = new AtomicReference<>();
    private final RuleMeters meters;

    LiveRuleSet(RuleMeters meters) {
        this.meters = meters;
    }

    /** The live rule set with how and when it went live. */
    public record Current(RuleSet ruleSet, Activation how, java.time.Instant since) {
    }

    public RuleSet current() {
        return live().ruleSet();
    }

    public Current live() {
        return Objects.requireNonNull(live.get(), "no rule set is live yet");
    }

    /** Evaluates wholly on the rule set live when called; the advice names that version. */
    public Advice evaluate(CustomerFacts facts, StoredRelationship stored) {
        Advice advice = current().evaluate(facts, stored);
        meters.evaluated(advice);
        return advice;
    }

    void swap(Current next) {
        live.set(next);
    }
}
