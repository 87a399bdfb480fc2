package io.guanxi.decisionlog;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.guanxi.decisionlog.chain.DecisionRecord;
import io.guanxi.facts.ExplanationTrace;
import io.guanxi.rules.explain.TraceRenderer;
import io.guanxi.rules.lifecycle.RuleSetArchive;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a stored decision as everyone sees it (the replayed answer, the decision view, page summaries,
 * exports, the explanation endpoint): a record that stores facts is rendered with the rule-set version
 * that made it; a record stored before V8 holds its renderings and reads as it was stored.
 */
@Singleton
public class DecisionReader {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    /** The three renderings of one record, each a JSON text: the answer, the fired rules' full names, the explanation. */
    public record Reading(String output, String firedRules, String explanations) {
    }

    private final RuleSetArchive ruleSets;

    DecisionReader(RuleSetArchive ruleSets) {
        this.ruleSets = ruleSets;
    }

    public Reading read(DecisionRecord r) {
        if (r.decisionJson() == null) {
            return new Reading(r.outputJson(), r.firedRules(), explanations(r.rulesetVersion(), r.explanationJson()));
        }
        DecisionFacts facts = ExplanationJson.readFacts(r.decisionJson());
        TraceRenderer renderer = ruleSets.renderer(r.rulesetVersion());
        List<String> fired = firedRules(facts.trace(), renderer);
        return new Reading(AnswerJson.write(r, facts, fired, renderer), strings(fired),
                RenderedExplanation.write(renderer.render(facts.trace())));
    }

    /** The JSON array of the fired rules' full names, all a page summary needs (from either kind of record). */
    public String firedRules(String rulesetVersion, @Nullable String firedRules, @Nullable String decisionJson) {
        if (decisionJson == null) {
            return firedRules;
        }
        TraceRenderer renderer = ruleSets.renderer(rulesetVersion);
        return strings(firedRules(ExplanationJson.read(decisionJson), renderer));
    }

    /** Records from before the trace hold the rendered explanation already (or {@code []}). */
    private String explanations(String rulesetVersion, String stored) {
        if (ExplanationJson.isRendered(stored)) {
            return stored;
        }
        return RenderedExplanation.write(ruleSets.renderer(rulesetVersion).render(ExplanationJson.read(stored)));
    }

    /** The full names of the rules that fired, in firing order, each once, as the answer lists them. */
    private static List<String> firedRules(ExplanationTrace trace, TraceRenderer renderer) {
        Set<String> names = new LinkedHashSet<>();
        trace.firings().forEach(f -> names.add(renderer.ruleName(f.rule())));
        return List.copyOf(names);
    }

    private static String strings(List<String> values) {
        StringWriter out = new StringWriter(1024);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            ExplanationJson.strings(g, null, values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
