package io.guanxi.facts;

import java.util.Objects;

/** The decided cooperation stage and how it moved from the stored one (no leaping, regressions caught). */
public final class Cooperation {

    private final CooperationStage stage;
    private final Transition transition;

    public Cooperation(CooperationStage stage, Transition transition) {
        this.stage = Objects.requireNonNull(stage, "stage");
        this.transition = Objects.requireNonNull(transition, "transition");
    }

    public CooperationStage getStage() {
        return stage;
    }

    public Transition getTransition() {
        return transition;
    }

    @Override
    public String toString() {
        return "Cooperation[" + stage + ", " + transition + "]";
    }
}
