package io.guanxi.rules;

import io.guanxi.facts.Advice;
import io.guanxi.facts.CustomerFacts;
import io.guanxi.facts.StoredRelationship;
import jakarta.inject.Singleton;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The live rule set. A decision reads it once and is evaluated wholly on it, so a swap never mixes
 * two rule sets in one decision; {@link RuleSetReloader} decides what goes live.
 */
@Singleton
public class RuleEngine {

    private final AtomicReference<LiveRuleSet> live = new AtomicReference<>();
    private final RuleMeters meters;

    RuleEngine(RuleMeters meters) {
        this.meters = meters;
    }

    /** The live rule set with how and when it went live. */
    public record LiveRuleSet(RuleSet ruleSet, Activation how, java.time.Instant since) {
    }

    public RuleSet current() {
        return live().ruleSet();
    }

    public LiveRuleSet live() {
        return Objects.requireNonNull(live.get(), "no rule set is live yet");
    }

    /** Evaluates wholly on the rule set live when called; the advice names that version. */
    public Advice evaluate(CustomerFacts facts, StoredRelationship stored) {
        Advice advice = current().evaluate(facts, stored);
        meters.evaluated(advice);
        return advice;
    }

    void swap(LiveRuleSet next) {
        live.set(next);
    }
}
