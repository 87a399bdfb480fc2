package io.guanxi.rules.engine;

import io.guanxi.facts.Advice;
import io.guanxi.facts.CustomerFacts;
import io.guanxi.facts.Explanation;
import io.guanxi.facts.ExplanationTrace;
import io.guanxi.facts.ShareChange;
import io.guanxi.facts.StoredRelationship;
import io.guanxi.rules.ActionCatalogue;
import io.guanxi.rules.RuleFile;
import io.guanxi.rules.RuleId;
import io.guanxi.rules.RuleSetSource;
import io.guanxi.rules.explain.RuleText;
import io.guanxi.rules.explain.TraceRenderer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.kie.api.KieBase;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;

/**
 * One compiled, immutable rule set: safe to evaluate from many threads at once. Each evaluation
 * runs in a session of its own, reset before the next evaluation takes it, so its conclusions can be
 * read back.
 */
public final class RuleSet {

    private final RuleSetSource source;
    private final KieBase kieBase;
    private final ActionCatalogue catalogue;
    private final Instant loadedAt;
    private final TraceRenderer renderer;
    /** Each rule's id by its full name, worked out once here rather than for every firing. */
    private final Map<String, String> ruleIds;
    /**
     * Sessions to reuse: a new session builds its network memories anew, a pooled one is reset on
     * dispose (facts, agenda, listeners) and keeps them. The pool grows to the number of evaluations
     * running at once and starts empty, so a rule set compiled only to be checked pays nothing.
     */
    private final KieSessionsPool sessions;

    public RuleSet(RuleSetSource source, KieBase kieBase, ActionCatalogue catalogue, Instant loadedAt) {
        this.source = source;
        this.kieBase = kieBase;
        this.catalogue = catalogue;
        this.loadedAt = loadedAt;
        this.renderer = new TraceRenderer(RuleText.of(kieBase), catalogue);
        this.sessions = kieBase.newKieSessionsPool(0);
        this.ruleIds = kieBase.getKiePackages().stream().flatMap(p -> p.getRules().stream())
                .collect(Collectors.toUnmodifiableMap(Rule::getName, r -> RuleId.ofRuleName(r.getName()).toString(),
                        (same, again) -> same));
    }

    public String version() {
        return source.version();
    }

    public List<RuleFile> files() {
        return source.files();
    }

    public Instant loadedAt() {
        return loadedAt;
    }

    public ActionCatalogue catalogue() {
        return catalogue;
    }

    public int ruleCount() {
        return kieBase.getKiePackages().stream().mapToInt(p -> p.getRules().size()).sum();
    }

    /** Decides the advice for one customer against what the service stored for it last time. */
    public Advice evaluate(CustomerFacts facts, StoredRelationship stored) {
        long start = System.nanoTime();
        FiredRuleRecorder fired = new FiredRuleRecorder();
        Conclusions conclusions = new Conclusions(conclude(facts, stored, fired), catalogue, ruleIds);
        return conclusions.toAdvice(stored, fired, version(), System.nanoTime() - start);
    }

    /**
     * The explanation an auditor reads of a decision this rule set made: the stored trace with each
     * rule's full name, its conditions as compiled and the Chinese labels of outputs and values.
     */
    public List<Explanation> explain(ExplanationTrace trace) {
        return renderer.render(trace);
    }

    /** Renders what this rule set's decisions stored: rule names by id, labels, explanations. */
    public TraceRenderer renderer() {
        return renderer;
    }

    /** Everything an evaluation left in working memory, unchecked: the completeness check reads it. */
    public List<Object> conclude(CustomerFacts facts, StoredRelationship stored, FiredRuleRecorder fired) {
        KieSession session = sessions.newKieSession();
        try {
            session.addEventListener((AgendaEventListener) fired);
            session.addEventListener((RuleRuntimeEventListener) fired);
            session.insert(facts);
            session.insert(stored);
            if (stored.getPreviousShare() != null) {
                session.insert(new ShareChange(stored.getPreviousShare(), facts.getPurchaseShare()));
            }
            session.fireAllRules();
            return List.copyOf(session.getObjects());
        } finally {
            session.dispose();
        }
    }
}
