package io.guanxi.facts;

/** A 三优 entitlement (PRIORITY_SERVICE, …) that the customer's tier carries. */
public final class Entitlement {

    private final String code;

    public Entitlement(String code) {
        this.code = java.util.Objects.requireNonNull(code, "code");
    }

    public String getCode() {
        return code;
    }

    @Override
    public String toString() {
        return "Entitlement[" + code + "]";
    }
}
