package io.guanxi.decisionlog.write;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.guanxi.decisionlog.ExplanationJson;
import io.guanxi.decisionlog.chain.DecisionRecord;
import io.guanxi.platform.db.Placeholders;
import io.guanxi.rules.RuleId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The rows of {@code decision_rule} (stable rule id, record id) for a batch of sealed records: the
 * appender knows every record's id when it seals (see {@link AppendPosition}), so they go as plain values
 * in the round trip that ends in COMMIT. It serves the audit query's {@code rule} filter.
 */
final class FiredRuleIndex {

    /** One row: this rule fired in the decision stored under this record id. */
    record Row(String ruleId, long recordId) {
    }

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private FiredRuleIndex() {
    }

    /** The rows of one sealed decision. */
    static void addRows(List<Row> into, DecisionRecord sealed, PendingDecision decision) {
        for (String ruleId : decision.ruleIds()) {
            into.add(new Row(ruleId, sealed.id()));
        }
    }

    /** {@code "INSERT …; "} for the rows, or {@code ""} when there are none. */
    static String sql(List<Row> rows) {
        if (rows.isEmpty()) {
            return "";
        }
        return "INSERT INTO decision_rule (rule_id, record_id) VALUES "
                + Placeholders.of(rows.size(), "(?, ?)") + "; ";
    }

    /** Binds what {@link #sql} asked for, from {@code index}; returns the next index. */
    static int bind(PreparedStatement s, int index, List<Row> rows) throws SQLException {
        for (Row row : rows) {
            s.setString(index++, row.ruleId());
            s.setLong(index++, row.recordId());
        }
        return index;
    }

    /** The stable ids (the first word of each full rule name) of the rules that fired. */
    static List<String> ruleIds(DecisionRecord record) {
        if (record.firedRules() == null) {
            return PendingDecision.ruleIds(ExplanationJson.read(record.decisionJson()));
        }
        Set<String> ids = new LinkedHashSet<>();
        try (JsonParser parser = JSON.createParser(record.firedRules())) {
            for (JsonToken t = parser.nextToken(); t != null; t = parser.nextToken()) {
                if (t == JsonToken.VALUE_STRING) {
                    ids.add(RuleId.ofRuleName(parser.getText()).toString());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("fired rules of " + record.decisionId() + " are not a JSON array", e);
        }
        return new ArrayList<>(ids);
    }
}
