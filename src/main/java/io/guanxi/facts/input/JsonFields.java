package io.guanxi.facts.input;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.guanxi.platform.web.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a request body as one flat JSON object, keeping each value exactly as sent (its JSON kind
 * and, for numbers, the exact decimal), so the validator can be strict: no coercion, no silently
 * dropped duplicates. Anything that is not one JSON object is refused as a whole.
 */
public final class JsonFields {

    /** The JSON kind of a value as sent. */
    enum Kind { STRING, NUMBER, BOOLEAN, NULL, OBJECT, ARRAY }

    /** One field's value as sent: its kind and, for strings, numbers and booleans, the value. */
    record Value(Kind kind, String text, BigDecimal number, boolean bool) {
    }

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private final Map<String, Value> values = new LinkedHashMap<>();
    private final List<String> duplicates = new ArrayList<>();

    private JsonFields() {
    }

    static JsonFields parse(byte[] body) {
        if (body == null || blank(body)) {
            throw whole("the request body is empty; send one JSON object");
        }
        JsonFields fields = new JsonFields();
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw whole("the request body must be one JSON object");
            }
            for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
                String name = parser.currentName();
                parser.nextToken();
                Value value = fields.read(parser);
                if (fields.values.putIfAbsent(name, value) != null && !fields.duplicates.contains(name)) {
                    fields.duplicates.add(name);
                }
            }
            if (parser.nextToken() != null) {
                throw whole("the request body must be one JSON object, with nothing after it");
            }
        } catch (JsonProcessingException e) {
            throw unreadable(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return fields;
    }

    /**
     * Whether the body holds only white space. A byte that is plain ASCII and not white space answers
     * at once (the usual body starts with its brace); only a body without one is decoded to judge
     * the rest, so a request does not pay for a copy of its body to learn it is not empty.
     */
    private static boolean blank(byte[] body) {
        for (byte b : body) {
            if (b >= 0 && !Character.isWhitespace(b)) {
                return false;
            }
        }
        return new String(body, java.nio.charset.StandardCharsets.UTF_8).isBlank();
    }

    Map<String, Value> values() {
        return values;
    }

    List<String> duplicates() {
        return duplicates;
    }

    /** The body is not JSON the reader takes: where it broke, or which of the reader's limits it passed. */
    public static InvalidRequestException unreadable(JsonProcessingException e) {
        if (e instanceof StreamConstraintsException || e.getLocation() == null) {
            // A limit of the reader (nesting depth, length of a number or name): it carries no location.
            return whole("the request body is beyond what is read: " + withoutSource(firstLine(e.getOriginalMessage())));
        }
        return whole("malformed JSON at line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr() + ": " + firstLine(e.getOriginalMessage()));
    }

    private Value read(JsonParser parser) throws IOException {
        return switch (parser.currentToken()) {
            case VALUE_STRING -> new Value(Kind.STRING, parser.getText(), null, false);
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new Value(Kind.NUMBER, parser.getText(), decimal(parser), false);
            case VALUE_TRUE, VALUE_FALSE -> new Value(Kind.BOOLEAN, parser.getText(), null, parser.getBooleanValue());
            case VALUE_NULL -> new Value(Kind.NULL, null, null, false);
            case START_OBJECT -> skip(parser, Kind.OBJECT);
            case START_ARRAY -> skip(parser, Kind.ARRAY);
            default -> throw whole("malformed JSON: unexpected " + parser.currentToken());
        };
    }

    /**
     * The exact decimal; for an exponent beyond what a decimal holds (1e9999999999), the nearest one
     * that holds it, which every range judges the same (too large, or too many decimal places).
     */
    private static BigDecimal decimal(JsonParser parser) throws IOException {
        try {
            return parser.getDecimalValue();
        } catch (NumberFormatException e) {
            String[] parts = parser.getText().toLowerCase(Locale.ROOT).split("e");
            int sign = new BigDecimal(parts[0]).signum();
            return new BigDecimal(BigInteger.valueOf(sign), parts[1].startsWith("-") ? Integer.MAX_VALUE : -Integer.MAX_VALUE);
        }
    }

    private static Value skip(JsonParser parser, Kind kind) throws IOException {
        parser.skipChildren();
        return new Value(kind, null, null, false);
    }

    /** The parser's own words, without the source excerpt it may append on further lines. */
    private static String firstLine(String message) {
        int end = message.indexOf('\n');
        return (end < 0 ? message : message.substring(0, end)).strip();
    }

    /** Jackson names the Java setting behind a limit ("1000, from `StreamReadConstraints…`"): not the caller's business. */
    private static String withoutSource(String message) {
        return message.replaceAll(", from `[^`]*`", "");
    }

    private static InvalidRequestException whole(String detail) {
        return new InvalidRequestException(detail, List.<Problem.FieldError>of());
    }
}
