package io.guanxi.rules.completeness;

import io.guanxi.facts.CooperationStage;
import io.guanxi.facts.CustomerFacts;
import io.guanxi.facts.FactField;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A fact the completeness grid varies: a fact of the request (its name, type and range as the HTTP
 * API accepts it, from {@link FactField}) or the stored state, and the value it keeps when a
 * question does not read it. Numbers are varied as BigDecimal, integers too.
 */
enum GridField {
    PURCHASE_SHARE(FactField.PURCHASE_SHARE, "0.30"),
    ANNUAL_REVENUE(FactField.ANNUAL_REVENUE, "500000"),
    PROFIT_MARGIN(FactField.PROFIT_MARGIN, "0.15"),
    REVENUE_TREND(FactField.REVENUE_TREND, "0.05"),
    ORDER_COUNT(FactField.ORDER_COUNT_12M, "12"),
    TENURE(FactField.TENURE_MONTHS, "24"),
    OPEN_COMPLAINTS(FactField.OPEN_COMPLAINTS),
    SATISFACTION(FactField.SATISFACTION),
    PAYMENT_RATE(FactField.PAYMENT_ON_TIME_RATE),
    SEGMENT_SIZE(FactField.SEGMENT_SIZE, "MEDIUM"),
    STRATEGIC_INDUSTRY(FactField.STRATEGIC_INDUSTRY),
    PREVIOUS_STAGE("previousStage", null),
    /** The stored share (a share as sent), varied as the share plus each side of every threshold on the share's drop. */
    PREVIOUS_SHARE("previousShare", FactField.PURCHASE_SHARE);

    private final String name;
    /** The request fact this sets, or null for the stored state. */
    private final FactField fact;
    /** The fact whose type and range the values take. */
    private final FactField range;
    /** A settled customer's value of a required fact; an optional fact keeps its value when absent. */
    private final String baseline;

    /** An optional fact: a question that does not read it sees it absent. */
    GridField(FactField fact) {
        this(fact, null);
    }

    GridField(FactField fact, String baseline) {
        this.name = fact.jsonName();
        this.fact = fact;
        this.range = fact;
        this.baseline = baseline;
    }

    /** The stored state, which no request sets; absent when a question does not read it. */
    GridField(String name, FactField range) {
        this.name = name;
        this.fact = null;
        this.range = range;
        this.baseline = null;
    }

    String fieldName() {
        return name;
    }

    boolean isInteger() {
        return range != null && range.type() == FactField.Type.INTEGER;
    }

    boolean inRange(BigDecimal value) {
        return range.inRange(value);
    }

    void set(CustomerFacts.Builder builder, Object value) {
        if (fact != null) {
            fact.set(builder, isInteger() ? ((BigDecimal) value).intValueExact() : value);
        }
    }

    /** The value a question that does not read this fact sees. */
    Object baseline() {
        if (baseline == null) {
            Object absent = fact == null ? null : fact.whenAbsent();
            return absent instanceof Integer number ? BigDecimal.valueOf(number) : absent;
        }
        if (fact.type() == FactField.Type.CODE) {
            return fact.limits().codes().stream().filter(c -> c.code().equals(baseline)).findFirst().orElseThrow();
        }
        return new BigDecimal(baseline);
    }

    /** Every value of a closed set (codes, booleans, the stored stage with "none"), or null for numbers. */
    List<Object> closedValues() {
        if (this == PREVIOUS_STAGE) {
            List<Object> stages = new ArrayList<>();
            stages.add(null);
            stages.addAll(Arrays.asList(CooperationStage.values()));
            return stages;
        }
        if (fact == null) {
            return null;
        }
        return switch (fact.type()) {
            case CODE -> List.copyOf(fact.limits().codes());
            case BOOLEAN -> List.of(false, true);
            default -> null;
        };
    }

    /** Whether the fact may be unknown (absent without a default), so that the grid tries it absent too. */
    boolean optional() {
        return fact != null && !fact.required() && fact.whenAbsent() == null;
    }
}
