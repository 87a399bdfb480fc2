package io.guanxi.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.guanxi.platform.UtcMillis;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;

/**
 * Writes decision log rows as JSON objects, straight from the result set: the stored JSON columns
 * (fired rules, input, output) are copied as they are, never parsed and re-encoded; the explanation
 * is rendered from its stored trace.
 */
final class DecisionRows {

    static final JsonFactory JSON = JsonFactory.builder().build();

    private DecisionRows() {
    }

    static JsonGenerator generator(OutputStream out) throws IOException {
        return JSON.createGenerator(out).configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
    }

    /**
     * One record: the summary a page lists and, with {@code explanations} (null for a summary), what
     * an export carries as well.
     */
    static void write(JsonGenerator g, ResultSet row, ExplanationReader explanations) throws IOException, SQLException {
        g.writeStartObject();
        g.writeStringField("decisionId", row.getString("decision_id"));
        g.writeStringField("customerId", row.getString("customer_id"));
        g.writeStringField("requestId", row.getString("request_id"));
        g.writeStringField("rulesetVersion", row.getString("ruleset_version"));
        g.writeStringField("decidedAt", decidedAt(row));
        g.writeStringField("previousCooperationStage", row.getString("previous_stage"));
        g.writeStringField("cooperationStage", row.getString("cooperation_stage"));
        g.writeStringField("transition", row.getString("transition"));
        g.writeStringField("lifecycleStage", row.getString("lifecycle_stage"));
        g.writeStringField("tier", row.getString("tier"));
        g.writeStringField("relationshipType", row.getString("relationship_type"));
        g.writeFieldName("firedRules");
        g.writeRawValue(row.getString("fired_rules"));
        if (explanations != null) {
            g.writeNumberField("evaluationMicros", row.getLong("evaluation_micros"));
            raw(g, "input", row.getString("input_json"));
            raw(g, "output", row.getString("output_json"));
            raw(g, "explanations", explanations.rendered(row.getString("ruleset_version"), row.getString("explanation_json")));
        }
        g.writeEndObject();
    }

    static String decidedAt(ResultSet row) throws SQLException {
        return UtcMillis.format(row.getObject("decided_at", LocalDateTime.class));
    }

    private static void raw(JsonGenerator g, String name, String json) throws IOException {
        g.writeFieldName(name);
        g.writeRawValue(json);
    }
}
