package io.guanxi.simulation;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The codes of flags, entitlements and actions in an answer stored whole (records from before V8
 * keep {@code output_json}); read with a streaming parser, since a replay reads one per record.
 */
record StoredAnswer(List<String> flags, List<String> entitlements, List<String> actions) {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    static StoredAnswer read(String outputJson) {
        List<String> flags = new ArrayList<>();
        List<String> entitlements = new ArrayList<>();
        List<String> actions = new ArrayList<>();
        try (JsonParser p = JSON.createParser(outputJson)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("the stored answer is not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "flags" -> strings(p, flags);
                    case "entitlements" -> strings(p, entitlements);
                    case "actions" -> actionCodes(p, actions);
                    default -> p.skipChildren();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("a stored answer is not readable: " + e.getMessage(), e);
        }
        return new StoredAnswer(flags, entitlements, actions);
    }

    private static void strings(JsonParser p, List<String> into) throws IOException {
        while (p.nextToken() == JsonToken.VALUE_STRING) {
            into.add(p.getText());
        }
    }

    private static void actionCodes(JsonParser p, List<String> into) throws IOException {
        while (p.nextToken() == JsonToken.START_OBJECT) {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                if (field.equals("code")) {
                    into.add(p.getText());
                } else {
                    p.skipChildren();
                }
            }
        }
    }
}
