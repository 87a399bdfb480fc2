package io.guanxi.experiment;

import io.guanxi.decisionlog.ExperimentMark;
import io.guanxi.facts.Advice;
import io.guanxi.facts.CustomerFacts;
import io.guanxi.facts.StoredRelationship;
import io.guanxi.rules.engine.RuleEvaluationException;
import io.guanxi.simulation.Outcome;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Decides one customer under the running experiment, if any: in split mode the customer's arm
 * chooses whose advice answers; in shadow mode the champion answers and, for the customers in the
 * share, the challenger decides beside it on the same facts and stored state.
 */
@Singleton
public class ExperimentRouting {

    /** The answer and, under an experiment, what its record carries. */
    public record Routed(Advice advice, @Nullable ExperimentMark mark) {
    }

    private final RunningExperiment running;
    private final JsonMapper json;

    ExperimentRouting(RunningExperiment running, JsonMapper json) {
        this.running = running;
        this.json = json;
    }

    /** The advice to answer with; {@code champion} evaluates on the live rule set. */
    public Routed decide(CustomerFacts facts, StoredRelationship stored, Supplier<Advice> champion) {
        Optional<RunningExperiment.Active> active = running.active();
        if (active.isEmpty()) {
            return new Routed(champion.get(), null);
        }
        Experiment e = active.get().experiment();
        boolean inShare = Assignment.inShare(e.id(), facts.getCustomerId(), e.sharePercent());
        if (Experiment.SPLIT.equals(e.mode())) {
            return inShare
                    ? new Routed(active.get().challenger().evaluate(facts, stored), mark(e, Arms.CHALLENGER, null))
                    : new Routed(champion.get(), mark(e, Arms.CHAMPION, null));
        }
        Advice answer = champion.get();
        return inShare ? new Routed(answer, mark(e, Arms.SHADOW, shadow(active.get(), facts, stored)))
                : new Routed(answer, mark(e, Arms.CHAMPION, null));
    }

    /** The challenger's result; a challenger that cannot decide is recorded as such and never fails the answer. */
    private String shadow(RunningExperiment.Active active, CustomerFacts facts, StoredRelationship stored) {
        String version = active.challenger().version();
        ShadowResult result;
        try {
            result = new ShadowResult(version, Outcome.of(active.challenger().evaluate(facts, stored)), null);
        } catch (RuleEvaluationException e) {
            result = new ShadowResult(version, null, e.getMessage());
        }
        try {
            return json.writeValueAsString(result);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the shadow result", e);
        }
    }

    private static ExperimentMark mark(Experiment e, String arm, @Nullable String shadow) {
        return new ExperimentMark(e.id(), arm, shadow);
    }
}
