package io.guanxi.facts.input;

import io.guanxi.facts.Coded;
import io.guanxi.facts.CustomerFacts;
import io.guanxi.facts.FactField;
import io.guanxi.facts.FactField.Limits;
import io.guanxi.facts.input.JsonFields.Kind;
import io.guanxi.facts.input.JsonFields.Value;
import io.guanxi.platform.web.Problem.FieldError;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Checks an advice request against the contract (strict types, ranges, no unknown or repeated
 * fields) and reports every violation at once, by its JSON field name. Nothing is guessed: the
 * input decides money and compliance.
 */
public final class AdviceRequestValidator {

    private static final Pattern ID = Pattern.compile(FactField.IDENTIFIER_PATTERN);
    private static final String ID_RULE = "must be 1 to 64 characters of A-Z a-z 0-9 . _ : -";
    private static final String REQUEST_ID = "requestId";
    private static final int MAX_DECIMALS = 100;
    private static final Set<String> KNOWN = Stream.concat(Arrays.stream(FactField.values()).map(FactField::jsonName),
            Stream.of(REQUEST_ID)).collect(Collectors.toUnmodifiableSet());

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
        CustomerFacts.Builder facts = CustomerFacts.builder();
        for (FactField field : FactField.values()) {
            Object value = v.read(field);
            if (value != null) { // absent or invalid: the builder keeps the fact's value when absent
                field.set(facts, value);
            }
        }
        String requestId = v.id(REQUEST_ID, false);
        if (!v.errors.isEmpty()) {
            throw new InvalidRequestException(v.errors.size() + " field(s) of the request are invalid", v.errors);
        }
        return new AdviceRequest(facts.build(), requestId);
    }

    /** The fact as sent, or null when it is absent or violates the contract (then the violation is recorded). */
    private Object read(FactField field) {
        String name = field.jsonName();
        boolean required = field.required();
        Limits limits = field.limits();
        return switch (field.type()) {
            case IDENTIFIER -> id(name, required);
            case DECIMAL -> decimal(name, required, limits);
            case INTEGER -> integer(name, required, limits);
            case CODE -> code(name, required, limits.codes());
            case BOOLEAN -> bool(name, required);
            case TEXT -> text(name, required, limits.maxLength());
        };
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

    private BigDecimal decimal(String name, boolean required, Limits limits) {
        Value value = ofKind(name, required, Kind.NUMBER, "a number");
        if (value == null || !inRange(name, value, limits)) {
            return null;
        }
        BigDecimal number = value.number();
        if (number.stripTrailingZeros().scale() > MAX_DECIMALS) {
            errors.add(new FieldError(name, "must have at most " + MAX_DECIMALS + " decimal places"));
            return null;
        }
        return number;
    }

    private Integer integer(String name, boolean required, Limits limits) {
        Value value = ofKind(name, required, Kind.NUMBER, "a whole number");
        if (value == null) {
            return null;
        }
        BigDecimal number = value.number();
        if (number.signum() != 0 && number.stripTrailingZeros().scale() > 0) {
            errors.add(new FieldError(name, "must be a whole number, not " + value.text()));
            return null;
        }
        return inRange(name, value, limits) ? number.intValueExact() : null;
    }

    private boolean inRange(String name, Value value, Limits limits) {
        BigDecimal number = value.number();
        if (number.compareTo(limits.min()) >= 0 && number.compareTo(limits.max()) <= 0) {
            return true;
        }
        errors.add(new FieldError(name, "must be between " + limits.min().toPlainString() + " and "
                + limits.max().toPlainString() + ", not " + value.text()));
        return false;
    }

    private String id(String name, boolean required) {
        Value value = ofKind(name, required, Kind.STRING, "a string");
        if (value != null && !ID.matcher(value.text()).matches()) {
            errors.add(new FieldError(name, ID_RULE));
            return null;
        }
        return value == null ? null : value.text();
    }

    private Coded code(String name, boolean required, List<Coded> codes) {
        Value value = present(name, required);
        if (value == null) {
            return null;
        }
        if (value.kind() == Kind.STRING) {
            for (Coded c : codes) {
                if (c.code().equals(value.text())) {
                    return c;
                }
            }
        }
        // The list of codes is written out only for a refusal, not for every request.
        String allowed = codes.stream().map(Coded::code).collect(Collectors.joining(", "));
        errors.add(new FieldError(name, value.kind() != Kind.STRING ? "must be one of " + allowed + ", not " + describe(value)
                : "must be one of " + allowed + ", not \"" + value.text() + "\""));
        return null;
    }

    private Boolean bool(String name, boolean required) {
        Value value = ofKind(name, required, Kind.BOOLEAN, "true or false");
        return value == null ? null : value.bool();
    }

    private String text(String name, boolean required, int maxLength) {
        Value value = ofKind(name, required, Kind.STRING, "a string");
        if (value != null && value.text().codePointCount(0, value.text().length()) > maxLength) {
            errors.add(new FieldError(name, "must be at most " + maxLength + " characters"));
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
}
