package io.guanxi.facts;

/** The cooperation stage our purchase share alone points to, before the no-leaping rule. */
public final class IndicatedStage {

    private final CooperationStage stage;

    public IndicatedStage(CooperationStage stage) {
        this.stage = java.util.Objects.requireNonNull(stage, "stage");
    }

    public CooperationStage getStage() {
        return stage;
    }

    @Override
    public String toString() {
        return "IndicatedStage[" + stage + "]";
    }
}
