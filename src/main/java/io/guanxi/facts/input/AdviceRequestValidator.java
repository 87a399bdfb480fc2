package io.guanxi.facts.input;

import io.guanxi.facts.input.JsonFields.Kind;
import io.guanxi.facts.input.JsonFields.Value;
import io.guanxi.facts.CustomerFacts;
import io.guanxi.facts.SegmentSize;
import io.guanxi.system.Problem.FieldError;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks an advice request against the contract (strict types, ranges, no unknown or repeated
 * fields) and reports every violation at once, by its JSON field name. Nothing is guessed: the
 * input decides money and compliance.
 */
public final class AdviceRequestValidator {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final String ID_RULE = "must be 1 to 64 characters of A-Z a-z 0-9 . _ : -";
    private static final int MAX_DECIMALS = 100;
    private static final Set<String> KNOWN = Set.of("customerId", "purchaseShare", "annualRevenue", "profitMargin",
            "revenueTrend", "orderCount12m", "tenureMonths", "segmentSize", "satisfaction", "openComplaints",
            "paymentOnTimeRate", "strategicIndustry", "industry", "requestId");

    private final Map<String, Value> values;
    private final List<FieldError> errors = new ArrayList<>();

    private AdviceRequestValidator(JsonFields fields) {
        this.values = fields.values();
        fields.duplicates().forEach(name -> errors.add(new FieldError(name, "is given more than once")));
        values.keySet().stream().filter(name -> !KNOWN.contains(name)).sorted()
                .forEach(name -> errors.add(new FieldError(name, "is not a known field")));
    }

    public static AdviceRequest validate(byte[] body) {
        AdviceRequestValidator v = new AdviceRequestValidator(JsonFields.parse(body));
        CustomerFacts.Builder facts = CustomerFacts.builder()
                .customerId(v.id("customerId", true))
                .purchaseShare(v.decimal("purchaseShare", true, "0", "1"))
                .annualRevenue(v.decimal("annualRevenue", true, "0", "1e15"))
                .profitMargin(v.decimal("profitMargin", true, "-1", "1"))
                .revenueTrend(v.decimal("revenueTrend", true, "-1", "10"))
                .orderCount12m(v.integer("orderCount12m", true, 0, 1_000_000, 0))
                .tenureMonths(v.integer("tenureMonths", true, 0, 1_200, 0))
                .segmentSize(v.segmentSize())
                .satisfaction(v.decimal("satisfaction", false, "1", "5"))
                .openComplaints(v.integer("openComplaints", false, 0, 10_000, 0))
                .paymentOnTimeRate(v.decimal("paymentOnTimeRate", false, "0", "1"))
                .strategicIndustry(v.bool("strategicIndustry"))
                .industry(v.industry());
        String requestId = v.id("requestId", false);
        if (!v.errors.isEmpty()) {
            throw new InvalidRequestException(v.errors.size() + " field(s) of the request are invalid", v.errors);
        }
        return new AdviceRequest(facts.build(), requestId);
    }

    /** The value, or null when absent or JSON null; a missing required field is reported. */
    private Value present(String name, boolean required) {
        Value value = values.get(name);
        if (value == null || value.kind() == Kind.NULL) {
            if (required) {
                errors.add(new FieldError(name, "is required"));
            }
            return null;
        }
        return value;
    }

    private Value ofKind(String name, boolean required, Kind kind, String expected) {
        Value value = present(name, required);
        if (value != null && value.kind() != kind) {
            errors.add(new FieldError(name, "must be " + expected + ", not " + describe(value)));
            return null;
        }
        return value;
    }

    private BigDecimal decimal(String name, boolean required, String min, String max) {
        Value value = ofKind(name, required, Kind.NUMBER, "a number");
        if (value == null) {
            return null;
        }
        BigDecimal number = value.number();
        if (number.compareTo(new BigDecimal(min)) < 0 || number.compareTo(new BigDecimal(max)) > 0) {
            errors.add(new FieldError(name, "must be between " + plain(min) + " and " + plain(max) + ", not " + value.text()));
            return null;
        }
        if (number.stripTrailingZeros().scale() > MAX_DECIMALS) {
            errors.add(new FieldError(name, "must have at most " + MAX_DECIMALS + " decimal places"));
            return null;
        }
        return number;
    }

    private int integer(String name, boolean required, int min, int max, int absent) {
        Value value = ofKind(name, required, Kind.NUMBER, "a whole number");
        if (value == null) {
            return absent;
        }
        BigDecimal number = value.number();
        if (number.signum() != 0 && number.stripTrailingZeros().scale() > 0) {
            errors.add(new FieldError(name, "must be a whole number, not " + value.text()));
            return absent;
        }
        if (number.compareTo(BigDecimal.valueOf(min)) < 0 || number.compareTo(BigDecimal.valueOf(max)) > 0) {
            errors.add(new FieldError(name, "must be between " + min + " and " + max + ", not " + value.text()));
            return absent;
        }
        return number.intValueExact();
    }

    private String id(String name, boolean required) {
        Value value = ofKind(name, required, Kind.STRING, "a string");
        if (value != null && !ID.matcher(value.text()).matches()) {
            errors.add(new FieldError(name, ID_RULE));
            return null;
        }
        return value == null ? null : value.text();
    }

    private SegmentSize segmentSize() {
        String allowed = Arrays.stream(SegmentSize.values()).map(Enum::name).collect(Collectors.joining(", "));
        Value value = ofKind("segmentSize", true, Kind.STRING, "one of " + allowed);
        if (value == null) {
            return null;
        }
        return Arrays.stream(SegmentSize.values()).filter(s -> s.name().equals(value.text())).findFirst()
                .orElseGet(() -> {
                    errors.add(new FieldError("segmentSize", "must be one of " + allowed + ", not \"" + value.text() + "\""));
                    return null;
                });
    }

    private boolean bool(String name) {
        Value value = ofKind(name, false, Kind.BOOLEAN, "true or false");
        return value != null && value.bool();
    }

    private String industry() {
        Value value = ofKind("industry", false, Kind.STRING, "a string");
        if (value != null && value.text().codePointCount(0, value.text().length()) > 100) {
            errors.add(new FieldError("industry", "must be at most 100 characters"));
            return null;
        }
        return value == null ? null : value.text();
    }

    private static String describe(Value value) {
        return switch (value.kind()) {
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> value.bool() ? "true" : "false";
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case NULL -> "null";
        };
    }

    private static String plain(String number) {
        return new BigDecimal(number).toPlainString();
    }
}
