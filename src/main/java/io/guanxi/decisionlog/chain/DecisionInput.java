package io.guanxi.decisionlog.chain;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.guanxi.facts.Coded;
import io.guanxi.facts.CustomerFacts;
import io.guanxi.facts.FactField;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;

/**
 * The canonical form of a validated input, as stored in the decision record: every field in a fixed
 * order (that of {@link FactField}), defaults applied, decimals exact and without trailing zeros
 * ({@code 0.50} is {@code 0.5}). Two requests carry the same facts exactly when their canonical forms are equal.
 */
public final class DecisionInput {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private DecisionInput() {
    }

    public static String canonicalJson(CustomerFacts f) {
        StringWriter out = new StringWriter(512);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            for (FactField field : FactField.values()) {
                g.writeFieldName(field.jsonName());
                value(g, field.type(), field.get(f));
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The exact decimal as stored: plain notation, no trailing zeros. */
    public static String plain(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    private static void value(JsonGenerator g, FactField.Type type, Object value) throws IOException {
        if (value == null) {
            g.writeNull();
            return;
        }
        switch (type) {
            case DECIMAL -> g.writeNumber(plain((BigDecimal) value));
            case INTEGER -> g.writeNumber((Integer) value);
            case BOOLEAN -> g.writeBoolean((Boolean) value);
            case CODE -> g.writeString(((Coded) value).code());
            case IDENTIFIER, TEXT -> g.writeString((String) value);
        }
    }
}
