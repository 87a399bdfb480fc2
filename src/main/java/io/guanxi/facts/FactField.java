package io.guanxi.facts;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * One fact a caller sends about a customer, as the contract defines it (CRM-DOMAIN §6): its JSON
 * name, Chinese label, type, inclusive range and value when absent. The request validator, the
 * completeness grid, the canonical input and the OpenAPI test all read it from here.
 *
 * <p>The order of the constants is the order of the canonical input, which is hashed into the
 * decision log: reordering them would change the bytes of every new record's input.
 */
public enum FactField {
    CUSTOMER_ID("customerId", "客户编号", Type.IDENTIFIER, Absent.REQUIRED, Limits.chars(64),
            CustomerFacts::getCustomerId, (b, v) -> b.customerId((String) v)),
    PURCHASE_SHARE("purchaseShare", "采购份额", Type.DECIMAL, Absent.REQUIRED, Limits.between("0", "1"),
            CustomerFacts::getPurchaseShare, (b, v) -> b.purchaseShare((BigDecimal) v)),
    ANNUAL_REVENUE("annualRevenue", "年营业额", Type.DECIMAL, Absent.REQUIRED, Limits.between("0", "1e15"),
            CustomerFacts::getAnnualRevenue, (b, v) -> b.annualRevenue((BigDecimal) v)),
    PROFIT_MARGIN("profitMargin", "利润率", Type.DECIMAL, Absent.REQUIRED, Limits.between("-1", "1"),
            CustomerFacts::getProfitMargin, (b, v) -> b.profitMargin((BigDecimal) v)),
    REVENUE_TREND("revenueTrend", "营业额同比变化", Type.DECIMAL, Absent.REQUIRED, Limits.between("-1", "10"),
            CustomerFacts::getRevenueTrend, (b, v) -> b.revenueTrend((BigDecimal) v)),
    ORDER_COUNT_12M("orderCount12m", "近12个月订单数", Type.INTEGER, Absent.REQUIRED, Limits.between("0", "1000000"),
            CustomerFacts::getOrderCount12m, (b, v) -> b.orderCount12m((Integer) v)),
    TENURE_MONTHS("tenureMonths", "合作月数", Type.INTEGER, Absent.REQUIRED, Limits.between("0", "1200"),
            CustomerFacts::getTenureMonths, (b, v) -> b.tenureMonths((Integer) v)),
    SEGMENT_SIZE("segmentSize", "同类客户数量", Type.CODE, Absent.REQUIRED, Limits.oneOf(SegmentSize.values()),
            CustomerFacts::getSegmentSize, (b, v) -> b.segmentSize((SegmentSize) v)),
    SATISFACTION("satisfaction", "满意度", Type.DECIMAL, Absent.UNKNOWN, Limits.between("1", "5"),
            CustomerFacts::getSatisfaction, (b, v) -> b.satisfaction((BigDecimal) v)),
    OPEN_COMPLAINTS("openComplaints", "未解决投诉数", Type.INTEGER, Absent.defaultsTo(0), Limits.between("0", "10000"),
            CustomerFacts::getOpenComplaints, (b, v) -> b.openComplaints((Integer) v)),
    PAYMENT_ON_TIME_RATE("paymentOnTimeRate", "按时付款率", Type.DECIMAL, Absent.UNKNOWN, Limits.between("0", "1"),
            CustomerFacts::getPaymentOnTimeRate, (b, v) -> b.paymentOnTimeRate((BigDecimal) v)),
    STRATEGIC_INDUSTRY("strategicIndustry", "战略行业", Type.BOOLEAN, Absent.defaultsTo(false), Limits.NONE,
            CustomerFacts::isStrategicIndustry, (b, v) -> b.strategicIndustry((Boolean) v)),
    INDUSTRY("industry", "行业", Type.TEXT, Absent.UNKNOWN, Limits.chars(100),
            CustomerFacts::getIndustry, (b, v) -> b.industry((String) v));

    /** Identifiers (the customer's, the caller's request id): 1 to 64 of these characters. */
    public static final String IDENTIFIER_PATTERN = "[A-Za-z0-9._:-]{1,64}";

    /** The kind of JSON value a fact takes, with its JSON Schema type. */
    public enum Type {
        IDENTIFIER("string"), DECIMAL("number"), INTEGER("integer"), CODE("string"), BOOLEAN("boolean"), TEXT("string");

        private final String jsonType;

        Type(String jsonType) {
            this.jsonType = jsonType;
        }

        public String jsonType() {
            return jsonType;
        }
    }

    /** Whether a fact must be sent and, if not, what it is when absent (a default, or {@code null}: unknown). */
    public record Absent(boolean required, Object value) {
        static final Absent REQUIRED = new Absent(true, null);
        static final Absent UNKNOWN = new Absent(false, null);

        static Absent defaultsTo(Object value) {
            return new Absent(false, value);
        }
    }

    /**
     * What a fact may be: an inclusive numeric range, a maximum length in Unicode code points, or a
     * closed set of codes; each part {@code null} (or 0) when it does not apply.
     */
    public record Limits(BigDecimal min, BigDecimal max, int maxLength, List<Coded> codes) {
        static final Limits NONE = new Limits(null, null, 0, null);

        static Limits between(String min, String max) {
            return new Limits(new BigDecimal(min), new BigDecimal(max), 0, null);
        }

        static Limits chars(int maxLength) {
            return new Limits(null, null, maxLength, null);
        }

        static Limits oneOf(Coded... codes) {
            return new Limits(null, null, 0, List.of(codes));
        }
    }

    private final String jsonName;
    private final String label;
    private final Type type;
    private final Absent absent;
    private final Limits limits;
    private final Function<CustomerFacts, Object> getter;
    private final BiConsumer<CustomerFacts.Builder, Object> setter;

    FactField(String jsonName, String label, Type type, Absent absent, Limits limits,
            Function<CustomerFacts, Object> getter, BiConsumer<CustomerFacts.Builder, Object> setter) {
        this.jsonName = jsonName;
        this.label = label;
        this.type = type;
        this.absent = absent;
        this.limits = limits;
        this.getter = getter;
        this.setter = setter;
    }

    public String jsonName() {
        return jsonName;
    }

    public String label() {
        return label;
    }

    public Type type() {
        return type;
    }

    public boolean required() {
        return absent.required();
    }

    /** The value of an optional fact the caller left out: its default, or {@code null} for unknown. */
    public Object whenAbsent() {
        return absent.value();
    }

    public Limits limits() {
        return limits;
    }

    /** True when the number lies within the fact's inclusive range. */
    public boolean inRange(BigDecimal value) {
        return value.compareTo(limits.min()) >= 0 && value.compareTo(limits.max()) <= 0;
    }

    /** The fact's value in these facts: a BigDecimal, Integer, Boolean, String or SegmentSize. */
    public Object get(CustomerFacts facts) {
        return getter.apply(facts);
    }

    /** Sets the fact on a builder; the value is of the type {@link #get} returns. */
    public void set(CustomerFacts.Builder builder, Object value) {
        setter.accept(builder, value);
    }
}
