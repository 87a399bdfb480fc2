package io.guanxi.facts;

/** The key-account tier after the caps: the tier of the answer. */
public final class KeyAccountTier {

    private final Tier tier;

    public KeyAccountTier(Tier tier) {
        this.tier = java.util.Objects.requireNonNull(tier, "tier");
    }

    public Tier getTier() {
        return tier;
    }

    @Override
    public String toString() {
        return "KeyAccountTier[" + tier + "]";
    }
}
