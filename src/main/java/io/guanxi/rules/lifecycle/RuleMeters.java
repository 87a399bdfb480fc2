package io.guanxi.rules.lifecycle;

import io.guanxi.facts.Advice;
import io.guanxi.rules.RuleId;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

/**
 * What the live rules did: how long each evaluation took ({@code guanxi.rules.evaluation}) and how
 * often each rule fired ({@code guanxi.rules.fired}, tagged with the rule's id). A rule's counter is
 * looked up by its full name in a map that only the rule set bounds, and registered on its first
 * firing only.
 */
@Singleton
final class RuleMeters {

    private final MeterRegistry registry;
    private final Timer evaluation;
    private final ConcurrentMap<String, Counter> fired = new ConcurrentHashMap<>();

    RuleMeters(MeterRegistry registry) {
        this.registry = registry;
        this.evaluation = Timer.builder("guanxi.rules.evaluation")
                .description("Time to evaluate the live rule set for one decision")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.of(100, ChronoUnit.MICROS))
                .maximumExpectedValue(Duration.ofSeconds(1))
                .register(registry);
    }

    void evaluated(Advice advice) {
        evaluation.record(advice.evaluationNanos(), TimeUnit.NANOSECONDS);
        List<String> names = advice.firedRules();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            Counter counter = fired.get(name);
            if (counter == null) {
                counter = fired.computeIfAbsent(name, this::firingCounter);
            }
            counter.increment();
        }
    }

    private Counter firingCounter(String ruleName) {
        // The name starts with the rule's stable id (RuleSetCompiler enforces it); the rest is prose.
        return Counter.builder("guanxi.rules.fired")
                .description("Firings of each rule in decisions of the live rule set, by rule id")
                .tag("rule", RuleId.ofRuleName(ruleName).toString())
                .register(registry);
    }
}
