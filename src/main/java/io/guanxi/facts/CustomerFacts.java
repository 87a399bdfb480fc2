package io.guanxi.facts;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What a CRM front-end tells us about one customer, validated: the facts every rule reads.
 * Decimals are kept exactly as sent; optional facts the caller left out are {@code null}
 * (unknown) or their documented default.
 */
public final class CustomerFacts {

    private final String customerId;
    private final BigDecimal purchaseShare;
    private final BigDecimal annualRevenue;
    private final BigDecimal profitMargin;
    private final BigDecimal revenueTrend;
    private final int orderCount12m;
    private final int tenureMonths;
    private final SegmentSize segmentSize;
    private final BigDecimal satisfaction;
    private final int openComplaints;
    private final BigDecimal paymentOnTimeRate;
    private final boolean strategicIndustry;
    private final String industry;

    private CustomerFacts(Builder b) {
        this.customerId = b.customerId;
        this.purchaseShare = b.purchaseShare;
        this.annualRevenue = b.annualRevenue;
        this.profitMargin = b.profitMargin;
        this.revenueTrend = b.revenueTrend;
        this.orderCount12m = b.orderCount12m;
        this.tenureMonths = b.tenureMonths;
        this.segmentSize = b.segmentSize;
        this.satisfaction = b.satisfaction;
        this.openComplaints = b.openComplaints;
        this.paymentOnTimeRate = b.paymentOnTimeRate;
        this.strategicIndustry = b.strategicIndustry;
        this.industry = b.industry;
        for (FactField field : FactField.values()) {
            if (field.required()) {
                Objects.requireNonNull(field.get(this), field.jsonName());
            }
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public String getCustomerId() {
        return customerId;
    }

    public BigDecimal getPurchaseShare() {
        return purchaseShare;
    }

    public BigDecimal getAnnualRevenue() {
        return annualRevenue;
    }

    public BigDecimal getProfitMargin() {
        return profitMargin;
    }

    public BigDecimal getRevenueTrend() {
        return revenueTrend;
    }

    public int getOrderCount12m() {
        return orderCount12m;
    }

    public int getTenureMonths() {
        return tenureMonths;
    }

    public SegmentSize getSegmentSize() {
        return segmentSize;
    }

    /** 1..5, or {@code null} when unknown. */
    public BigDecimal getSatisfaction() {
        return satisfaction;
    }

    public int getOpenComplaints() {
        return openComplaints;
    }

    /** 0..1, or {@code null} when unknown (then no credit flag is raised). */
    public BigDecimal getPaymentOnTimeRate() {
        return paymentOnTimeRate;
    }

    public boolean isStrategicIndustry() {
        return strategicIndustry;
    }

    public String getIndustry() {
        return industry;
    }

    @Override
    public String toString() {
        return "CustomerFacts[" + customerId + ", share=" + purchaseShare + ", revenue=" + annualRevenue + "]";
    }

    /** Collects the facts field by field; optional facts start at their documented defaults. */
    public static final class Builder {
        private String customerId;
        private BigDecimal purchaseShare;
        private BigDecimal annualRevenue;
        private BigDecimal profitMargin;
        private BigDecimal revenueTrend;
        private int orderCount12m;
        private int tenureMonths;
        private SegmentSize segmentSize;
        private BigDecimal satisfaction;
        private int openComplaints = (Integer) FactField.OPEN_COMPLAINTS.whenAbsent();
        private BigDecimal paymentOnTimeRate;
        private boolean strategicIndustry = (Boolean) FactField.STRATEGIC_INDUSTRY.whenAbsent();
        private String industry;

        private Builder() {
        }

        public Builder customerId(String v) {
            customerId = v;
            return this;
        }

        public Builder purchaseShare(BigDecimal v) {
            purchaseShare = v;
            return this;
        }

        public Builder annualRevenue(BigDecimal v) {
            annualRevenue = v;
            return this;
        }

        public Builder profitMargin(BigDecimal v) {
            profitMargin = v;
            return this;
        }

        public Builder revenueTrend(BigDecimal v) {
            revenueTrend = v;
            return this;
        }

        public Builder orderCount12m(int v) {
            orderCount12m = v;
            return this;
        }

        public Builder tenureMonths(int v) {
            tenureMonths = v;
            return this;
        }

        public Builder segmentSize(SegmentSize v) {
            segmentSize = v;
            return this;
        }

        public Builder satisfaction(BigDecimal v) {
            satisfaction = v;
            return this;
        }

        public Builder openComplaints(int v) {
            openComplaints = v;
            return this;
        }

        public Builder paymentOnTimeRate(BigDecimal v) {
            paymentOnTimeRate = v;
            return this;
        }

        public Builder strategicIndustry(boolean v) {
            strategicIndustry = v;
            return this;
        }

        public Builder industry(String v) {
            industry = v;
            return this;
        }

        public CustomerFacts build() {
            return new CustomerFacts(this);
        }
    }
}
