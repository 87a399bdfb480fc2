package io.guanxi.facts;

import java.math.BigDecimal;

/**
 * How far our purchase share fell since the customer's previous decision, exactly
 * ({@code previousShare - share}; negative when it rose). Present only when there is a previous share.
 */
public final class ShareChange {

    private final BigDecimal previousShare;
    private final BigDecimal share;
    private final BigDecimal drop;

    public ShareChange(BigDecimal previousShare, BigDecimal share) {
        this.previousShare = previousShare;
        this.share = share;
        this.drop = previousShare.subtract(share);
    }

    public BigDecimal getPreviousShare() {
        return previousShare;
    }

    public BigDecimal getShare() {
        return share;
    }

    public BigDecimal getDrop() {
        return drop;
    }

    @Override
    public String toString() {
        return "ShareChange[" + previousShare + " -> " + share + "]";
    }
}
