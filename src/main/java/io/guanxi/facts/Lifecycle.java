package io.guanxi.facts;

/** The lifecycle stage the rules decided. */
public final class Lifecycle {

    private final LifecycleStage stage;

    public Lifecycle(LifecycleStage stage) {
        this.stage = java.util.Objects.requireNonNull(stage, "stage");
    }

    public LifecycleStage getStage() {
        return stage;
    }

    @Override
    public String toString() {
        return "Lifecycle[" + stage + "]";
    }
}
