package io.guanxi.rules;

import io.guanxi.facts.CooperationStage;
import io.guanxi.facts.CustomerFacts;
import io.guanxi.facts.SegmentSize;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * A fact the completeness grid varies: its name in the rule files, its range (as the HTTP API
 * accepts it), and the value it keeps when a question does not read it.
 */
enum GridField {
    PURCHASE_SHARE("purchaseShare", "0", "1", "0.30", (b, v) -> b.purchaseShare((BigDecimal) v)),
    ANNUAL_REVENUE("annualRevenue", "0", "1e15", "500000", (b, v) -> b.annualRevenue((BigDecimal) v)),
    PROFIT_MARGIN("profitMargin", "-1", "1", "0.15", (b, v) -> b.profitMargin((BigDecimal) v)),
    REVENUE_TREND("revenueTrend", "-1", "10", "0.05", (b, v) -> b.revenueTrend((BigDecimal) v)),
    ORDER_COUNT("orderCount12m", "0", "1000000", "12", (b, v) -> b.orderCount12m(((BigDecimal) v).intValueExact())),
    TENURE("tenureMonths", "0", "1200", "24", (b, v) -> b.tenureMonths(((BigDecimal) v).intValueExact())),
    OPEN_COMPLAINTS("openComplaints", "0", "10000", "0", (b, v) -> b.openComplaints(((BigDecimal) v).intValueExact())),
    SATISFACTION("satisfaction", "1", "5", null, (b, v) -> b.satisfaction((BigDecimal) v)),
    PAYMENT_RATE("paymentOnTimeRate", "0", "1", null, (b, v) -> b.paymentOnTimeRate((BigDecimal) v)),
    SEGMENT_SIZE("segmentSize", null, null, "MEDIUM", (b, v) -> b.segmentSize((SegmentSize) v)),
    STRATEGIC_INDUSTRY("strategicIndustry", null, null, "false", (b, v) -> b.strategicIndustry((Boolean) v)),
    PREVIOUS_STAGE("previousStage", null, null, null, (b, v) -> { }),
    /** The stored share, varied as the share plus each side of every threshold on the share's drop. */
    PREVIOUS_SHARE("previousShare", "0", "1", null, (b, v) -> { });

    private static final List<String> INTEGERS = List.of("orderCount12m", "tenureMonths", "openComplaints");

    private final String name;
    private final BigDecimal min;
    private final BigDecimal max;
    private final String baseline;
    private final BiConsumer<CustomerFacts.Builder, Object> setter;

    GridField(String name, String min, String max, String baseline, BiConsumer<CustomerFacts.Builder, Object> setter) {
        this.name = name;
        this.min = min == null ? null : new BigDecimal(min);
        this.max = max == null ? null : new BigDecimal(max);
        this.baseline = baseline;
        this.setter = setter;
    }

    String fieldName() {
        return name;
    }

    boolean isInteger() {
        return INTEGERS.contains(name);
    }

    boolean inRange(BigDecimal value) {
        return value.compareTo(min) >= 0 && value.compareTo(max) <= 0;
    }

    void set(CustomerFacts.Builder builder, Object value) {
        setter.accept(builder, value);
    }

    /** The value a question that does not read this fact sees. */
    Object baseline() {
        return switch (this) {
            case SEGMENT_SIZE -> SegmentSize.valueOf(baseline);
            case STRATEGIC_INDUSTRY -> Boolean.valueOf(baseline);
            default -> baseline == null ? null : new BigDecimal(baseline);
        };
    }

    /** Every value of a closed set (enums, booleans, the stored stage with "none"), or null for numbers. */
    List<Object> closedValues() {
        return switch (this) {
            case SEGMENT_SIZE -> List.of((Object[]) SegmentSize.values());
            case STRATEGIC_INDUSTRY -> List.of(false, true);
            case PREVIOUS_STAGE -> {
                List<Object> stages = new ArrayList<>();
                stages.add(null);
                stages.addAll(Arrays.asList(CooperationStage.values()));
                yield stages;
            }
            default -> null;
        };
    }

    boolean optional() {
        return this == SATISFACTION || this == PAYMENT_RATE;
    }
}
