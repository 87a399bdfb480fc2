package io.guanxi.rules.engine;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.rule.Match;

/**
 * Records, for one evaluation, the names of the rules that fired (in firing order, each once), every
 * firing with the values its bindings held, and which firing inserted each conclusion.
 */
public final class FiredRuleRecorder extends DefaultAgendaEventListener implements RuleRuntimeEventListener {

    private final Set<String> names = new LinkedHashSet<>();
    private final List<FiredMatch> matches = new ArrayList<>();
    private final Map<Object, FiredMatch> insertedBy = new IdentityHashMap<>();
    private FiredMatch firing;

    @Override
    public void beforeMatchFired(BeforeMatchFiredEvent event) {
        Match match = event.getMatch();
        Map<String, Object> bindings = new LinkedHashMap<>();
        for (String id : match.getDeclarationIds()) {
            bindings.put(id, match.getDeclarationValue(id));
        }
        firing = new FiredMatch(matches.size(), match.getRule().getName(), bindings, List.copyOf(match.getObjects()));
        matches.add(firing);
    }

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        names.add(event.getMatch().getRule().getName());
        firing = null;
    }

    /** Inserts from a consequence (also those made through a helper such as Actions.propose) belong to the firing rule. */
    @Override
    public void objectInserted(ObjectInsertedEvent event) {
        if (firing != null) {
            insertedBy.put(event.getObject(), firing);
        }
    }

    @Override
    public void objectUpdated(ObjectUpdatedEvent event) {
        // Conclusions are immutable: nothing to record.
    }

    @Override
    public void objectDeleted(ObjectDeletedEvent event) {
        // Conclusions are never retracted: nothing to record.
    }

    List<String> names() {
        return new ArrayList<>(names);
    }

    /** Every firing, in firing order: a firing's {@link FiredMatch#order()} is its place here. */
    List<FiredMatch> matches() {
        return List.copyOf(matches);
    }

    /** The firing that inserted this object; empty for the facts the service inserted. */
    Optional<FiredMatch> insertedBy(Object conclusion) {
        return Optional.ofNullable(insertedBy.get(conclusion));
    }
}
