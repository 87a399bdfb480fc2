package io.guanxi.rules.engine;

import io.guanxi.facts.Advice;
import io.guanxi.facts.Cooperation;
import io.guanxi.facts.Entitlement;
import io.guanxi.facts.ExplanationTrace;
import io.guanxi.facts.Flag;
import io.guanxi.facts.IndicatedStage;
import io.guanxi.facts.KeyAccountTier;
import io.guanxi.facts.Lifecycle;
import io.guanxi.facts.LifecycleStage;
import io.guanxi.facts.Margin;
import io.guanxi.facts.MatrixType;
import io.guanxi.facts.ProposedAction;
import io.guanxi.facts.RecommendedAction;
import io.guanxi.facts.Relationship;
import io.guanxi.facts.RelationshipType;
import io.guanxi.facts.RevenueTier;
import io.guanxi.facts.StoredRelationship;
import io.guanxi.facts.Tier;
import io.guanxi.rules.ActionCatalogue;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Reads the conclusions an evaluation left in working memory and turns them into an advice:
 * exactly one answer per single-valued question, sets of flags and entitlements, and the ranked
 * actions. A rule set that answers a question never or twice differently is a defect of the rule
 * set and fails the evaluation rather than guess.
 */
final class Conclusions {

    private final List<Object> objects;
    private final ActionCatalogue catalogue;
    private final Map<String, String> ruleIds;

    Conclusions(Collection<?> workingMemory, ActionCatalogue catalogue, Map<String, String> ruleIds) {
        this.objects = List.copyOf(workingMemory);
        this.catalogue = catalogue;
        this.ruleIds = ruleIds;
    }

    Advice toAdvice(StoredRelationship stored, FiredRuleRecorder fired, String version, long nanos) {
        requireSingleIntermediates();
        Cooperation cooperation = single(Cooperation.class, c -> c.getStage() + "/" + c.getTransition(),
                "cooperation stage");
        LifecycleStage lifecycle = single(Lifecycle.class, Lifecycle::getStage, "lifecycle stage").getStage();
        Tier tier = single(KeyAccountTier.class, KeyAccountTier::getTier, "tier").getTier();
        RelationshipType type = single(Relationship.class, Relationship::getType, "relationship type").getType();
        List<String> flags = codes(Flag.class, Flag::getCode);
        List<String> entitlements = codes(Entitlement.class, Entitlement::getCode);
        List<RecommendedAction> actions = ActionRanking.rank(all(ProposedAction.class), catalogue);
        ExplanationTrace explanation = new Explainer(objects, fired, ruleIds).explain(cooperation, lifecycle, tier, type, flags, entitlements, actions);
        return new Advice(cooperation.getStage(), stored.getPreviousStage(), cooperation.getTransition(), lifecycle,
                tier, type, flags, entitlements, actions, fired.names(), explanation, version, nanos);
    }

    /**
     * The steps towards an answer must be unambiguous too: two overlapping margin bands (or share
     * intervals, or tier-table rows) would otherwise be hidden by a fallback that takes whichever
     * came first.
     */
    private void requireSingleIntermediates() {
        single(IndicatedStage.class, IndicatedStage::getStage, "stage the purchase share indicates");
        single(RevenueTier.class, RevenueTier::getTier, "tier of the tier table");
        single(Margin.class, Margin::getLevel, "margin band");
        single(MatrixType.class, MatrixType::getType, "relationship type of the matrix");
    }

    private <T> T single(Class<T> type, Function<T, Object> answer, String question) {
        List<T> found = all(type);
        Set<Object> answers = new LinkedHashSet<>();
        found.forEach(f -> answers.add(answer.apply(f)));
        if (answers.size() != 1) {
            throw new RuleEvaluationException(answers.isEmpty()
                    ? "the rule set gave no " + question
                    : "the rule set gave " + answers.size() + " different answers for the " + question + ": " + answers);
        }
        return found.get(0);
    }

    private <T> List<String> codes(Class<T> type, Function<T, String> code) {
        Set<String> sorted = new TreeSet<>();
        all(type).forEach(t -> sorted.add(code.apply(t)));
        return new ArrayList<>(sorted);
    }

    private <T> List<T> all(Class<T> type) {
        List<T> found = new ArrayList<>();
        for (Object o : objects) {
            if (type.isInstance(o)) {
                found.add(type.cast(o));
            }
        }
        return found;
    }

}
