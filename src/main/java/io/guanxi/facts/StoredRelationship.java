package io.guanxi.facts;

import java.math.BigDecimal;

/**
 * What the service itself decided for this customer last time: the stage transitions are judged
 * against it, never against what a caller claims. Both values are {@code null} for a new customer.
 */
public final class StoredRelationship {

    private final CooperationStage previousStage;
    private final BigDecimal previousShare;

    public StoredRelationship(CooperationStage previousStage, BigDecimal previousShare) {
        this.previousStage = previousStage;
        this.previousShare = previousShare;
    }

    public static StoredRelationship none() {
        return new StoredRelationship(null, null);
    }

    public CooperationStage getPreviousStage() {
        return previousStage;
    }

    public BigDecimal getPreviousShare() {
        return previousShare;
    }

    @Override
    public String toString() {
        return "StoredRelationship[" + previousStage + ", share=" + previousShare + "]";
    }
}
