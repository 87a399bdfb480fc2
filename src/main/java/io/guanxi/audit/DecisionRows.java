package io.guanxi.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.guanxi.decisionlog.DecisionReader;
import io.guanxi.decisionlog.chain.DecisionRecord;
import io.guanxi.platform.UtcMillis;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;

/**
 * Writes decision log rows as JSON objects, straight from the result set: the input and the
 * renderings a record holds are copied as they are, never parsed and re-encoded; what a record
 * stores as facts (answer, fired rules, explanation) is rendered by the {@link DecisionReader}.
 */
final class DecisionRows {

    static final JsonFactory JSON = JsonFactory.builder().build();

    private DecisionRows() {
    }

    static JsonGenerator generator(OutputStream out) throws IOException {
        return JSON.createGenerator(out).configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
    }

    /** One record: the summary a page lists and, when {@code full}, what an export carries as well. */
    static void write(JsonGenerator g, ResultSet row, DecisionReader reader, boolean full)
            throws IOException, SQLException {
        DecisionReader.Reading reading = full ? reader.read(record(row)) : null;
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
        experiment(g, row);
        raw(g, "firedRules", full ? reading.firedRules() : reader.firedRules(row.getString("ruleset_version"),
                row.getString("fired_rules"), row.getString("decision_json")));
        if (full) {
            g.writeNumberField("evaluationMicros", row.getLong("evaluation_micros"));
            raw(g, "input", row.getString("input_json"));
            raw(g, "output", reading.output());
            raw(g, "explanations", reading.explanations());
        }
        g.writeEndObject();
    }

    /** The record of a row that selected {@link AuditSql#FULL_COLUMNS} (not its place in the chain). */
    static DecisionRecord record(ResultSet row) throws SQLException {
        return new DecisionRecord(row.getLong("id"), row.getString("decision_id"), row.getString("customer_id"),
                row.getString("request_id"), row.getString("ruleset_version"), row.getString("previous_stage"),
                row.getString("cooperation_stage"), row.getString("transition"), row.getString("lifecycle_stage"),
                row.getString("tier"), row.getString("relationship_type"), row.getString("input_json"),
                row.getString("output_json"), row.getString("fired_rules"),
                row.getObject("decided_at", LocalDateTime.class), row.getLong("evaluation_micros"),
                row.getString("explanation_json"), row.getString("decision_json"), row.getObject("experiment_id", Long.class),
                row.getString("experiment_arm"), row.getString("shadow_json"), null, null, null);
    }

    /** The experiment and arm the decision was made under: null outside experiments. */
    private static void experiment(JsonGenerator g, ResultSet row) throws IOException, SQLException {
        long experiment = row.getLong("experiment_id");
        if (row.wasNull()) {
            g.writeNullField("experiment");
        } else {
            g.writeNumberField("experiment", experiment);
        }
        g.writeStringField("arm", row.getString("experiment_arm"));
    }

    static String decidedAt(ResultSet row) throws SQLException {
        return UtcMillis.format(row.getObject("decided_at", LocalDateTime.class));
    }

    private static void raw(JsonGenerator g, String name, String json) throws IOException {
        g.writeFieldName(name);
        g.writeRawValue(json);
    }
}
