package io.guanxi.rules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;

/** Records, for one evaluation, the names of the rules that fired, in firing order, each once. */
final class FiredRuleRecorder extends DefaultAgendaEventListener {

    private final Set<String> names = new LinkedHashSet<>();

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        names.add(event.getMatch().getRule().getName());
    }

    List<String> names() {
        return new ArrayList<>(names);
    }
}
