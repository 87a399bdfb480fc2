package io.guanxi.facts;

/** The key-account tier the tier table gives, before the credit and profit caps. */
public final class RevenueTier {

    private final Tier tier;

    public RevenueTier(Tier tier) {
        this.tier = java.util.Objects.requireNonNull(tier, "tier");
    }

    public Tier getTier() {
        return tier;
    }

    @Override
    public String toString() {
        return "RevenueTier[" + tier + "]";
    }
}
