package io.guanxi.audit;

import io.guanxi.decisionlog.DecisionReader;
import java.io.IOException;
import java.io.Writer;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Writes decision log rows as CSV (RFC 4180): a header line, CRLF line ends, a field quoted when it
 * holds a comma, quote, CR or LF, quotes doubled; an absent value is an empty field. The JSON columns
 * are one field each, holding the JSON as the decision view and explanation endpoint read it.
 */
final class CsvRows {

    static final String[] HEADER = {"decisionId", "customerId", "requestId", "rulesetVersion", "decidedAt",
        "previousCooperationStage", "cooperationStage", "transition", "lifecycleStage", "tier", "relationshipType",
        "firedRules", "evaluationMicros", "input", "output", "explanations", "experiment", "arm"};
    private static final String[] COLUMNS = {"decision_id", "customer_id", "request_id", "ruleset_version", null,
        "previous_stage", "cooperation_stage", "transition", "lifecycle_stage", "tier", "relationship_type",
        "fired_rules", "evaluation_micros", "input_json", "output_json", "explanation_json", "experiment_id",
        "experiment_arm"};

    private CsvRows() {
    }

    static void header(Writer out) throws IOException {
        line(out, HEADER);
    }

    static void write(Writer out, ResultSet row, DecisionReader reader) throws IOException, SQLException {
        DecisionReader.Reading reading = reader.read(DecisionRows.record(row));
        String[] fields = new String[COLUMNS.length];
        for (int i = 0; i < COLUMNS.length; i++) {
            String column = COLUMNS[i];
            fields[i] = switch (column == null ? "decided_at" : column) {
                case "decided_at" -> DecisionRows.decidedAt(row);
                case "fired_rules" -> reading.firedRules();
                case "output_json" -> reading.output();
                case "explanation_json" -> reading.explanations();
                default -> row.getString(column);
            };
        }
        line(out, fields);
    }

    private static void line(Writer out, String[] fields) throws IOException {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            field(out, fields[i]);
        }
        out.write("\r\n");
    }

    static void field(Writer out, String value) throws IOException {
        if (value == null) {
            return;
        }
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\r') < 0 && value.indexOf('\n') < 0) {
            out.write(value);
            return;
        }
        out.write('"');
        out.write(value.replace("\"", "\"\""));
        out.write('"');
    }
}
