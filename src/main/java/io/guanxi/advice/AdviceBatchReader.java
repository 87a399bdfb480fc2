package io.guanxi.advice;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.guanxi.facts.input.InvalidRequestException;
import io.guanxi.facts.input.JsonFields;
import io.guanxi.platform.web.Problem.FieldError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a batch body, {@code {"items": [ … ]}}, into the bytes of each item exactly as sent, so that
 * every item is then checked on its own by the single request's rules. Only the envelope is judged
 * here: a malformed body, a missing or empty {@code items}, more than {@link #MAX_ITEMS} items or
 * another field refuses the whole batch.
 */
final class AdviceBatchReader {

    static final int MAX_ITEMS = 1000;
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private AdviceBatchReader() {
    }

    static List<byte[]> items(byte[] body) {
        if (body == null || body.length == 0) {
            throw refused("the request body is empty; send {\"items\": [ …advice requests… ]}");
        }
        List<byte[]> items = null;
        List<FieldError> errors = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw refused("the request body must be one JSON object: {\"items\": [ … ]}");
            }
            for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
                String name = parser.currentName();
                parser.nextToken();
                if (!name.equals("items")) {
                    parser.skipChildren();
                    errors.add(new FieldError(name, "is not a known field"));
                } else if (items != null) {
                    parser.skipChildren();
                    errors.add(new FieldError(name, "is given more than once"));
                } else {
                    items = slices(parser, body, errors);
                }
            }
            if (parser.nextToken() != null) {
                throw refused("the request body must be one JSON object, with nothing after it");
            }
        } catch (JsonProcessingException e) {
            throw JsonFields.unreadable(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (items == null && errors.stream().noneMatch(e -> e.field().equals("items"))) {
            errors.add(new FieldError("items", "is required: an array of 1 to " + MAX_ITEMS + " advice requests"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors.size() + " field(s) of the batch are invalid", errors);
        }
        return items;
    }

    /** Each element's bytes, as sent; null (with the error noted) when {@code items} is not a fitting array. */
    private static List<byte[]> slices(JsonParser parser, byte[] body, List<FieldError> errors) throws IOException {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            parser.skipChildren();
            errors.add(new FieldError("items", "must be an array of 1 to " + MAX_ITEMS + " advice requests"));
            return null;
        }
        List<byte[]> items = new ArrayList<>();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
            int start = (int) parser.currentTokenLocation().getByteOffset();
            parser.skipChildren();
            // A string is read lazily: read it whole, so the location is past its closing quote.
            parser.finishToken();
            int end = (int) parser.currentLocation().getByteOffset();
            if (items.size() < MAX_ITEMS) {
                items.add(Arrays.copyOfRange(body, start, end));
            } else if (items.size() == MAX_ITEMS) {
                errors.add(new FieldError("items", "has more than " + MAX_ITEMS + " advice requests; split the batch"));
                items.add(null);
            }
        }
        if (items.isEmpty()) {
            errors.add(new FieldError("items", "is empty; send 1 to " + MAX_ITEMS + " advice requests"));
        }
        return items;
    }

    private static InvalidRequestException refused(String detail) {
        return new InvalidRequestException(detail, List.of());
    }
}
