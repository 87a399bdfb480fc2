package io.guanxi.facts;

/** A warning raised by the rules (STAGE_SKIP_BLOCKED, CREDIT_RISK, …): a code the answer lists in {@code flags}. */
public final class Flag {

    private final String code;

    public Flag(String code) {
        this.code = java.util.Objects.requireNonNull(code, "code");
    }

    public String getCode() {
        return code;
    }

    @Override
    public String toString() {
        return "Flag[" + code + "]";
    }
}
