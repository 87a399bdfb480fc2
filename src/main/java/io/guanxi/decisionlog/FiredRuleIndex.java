package io.guanxi.decisionlog;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The rows of {@code decision_rule} (stable rule id, record) for a batch of sealed records, written
 * by the appender in the same statement round trip, right after the batch's one multi-row record
 * INSERT: that INSERT gives its rows consecutive ids starting at {@code LAST_INSERT_ID()} (one
 * statement with a known row count, and no other writer inserts records meanwhile: every appender
 * holds the chain head's lock), so the i-th record of the batch has id
 * {@code LAST_INSERT_ID() + i * @@auto_increment_increment}.
 * It serves the audit query's {@code rule} filter.
 */
final class FiredRuleIndex {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private FiredRuleIndex() {
    }

    /** {@code "; INSERT …"} for the batch, or {@code ""} when no rule fired in it. */
    static String sql(List<DecisionRecord> sealed) {
        int rows = sealed.stream().mapToInt(r -> ruleIds(r).size()).sum();
        if (rows == 0) {
            return "";
        }
        return "; INSERT IGNORE INTO decision_rule (rule_id, record_id) VALUES "
                + String.join(", ", Collections.nCopies(rows, "(?, LAST_INSERT_ID() + ? * @@auto_increment_increment)"));
    }

    /** Binds what {@link #sql} asked for, from {@code index}; returns the next index. */
    static int bind(PreparedStatement s, int index, List<DecisionRecord> sealed) throws SQLException {
        for (int i = 0; i < sealed.size(); i++) {
            for (String ruleId : ruleIds(sealed.get(i))) {
                s.setString(index++, ruleId);
                s.setInt(index++, i);
            }
        }
        return index;
    }

    /** The stable ids (the first word of each full rule name) of the rules that fired. */
    static List<String> ruleIds(DecisionRecord record) {
        Set<String> ids = new LinkedHashSet<>();
        try (JsonParser parser = JSON.createParser(record.firedRules())) {
            for (JsonToken t = parser.nextToken(); t != null; t = parser.nextToken()) {
                if (t == JsonToken.VALUE_STRING) {
                    String name = parser.getText();
                    int space = name.indexOf(' ');
                    ids.add(space < 0 ? name : name.substring(0, space));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("fired rules of " + record.decisionId() + " are not a JSON array", e);
        }
        return new ArrayList<>(ids);
    }
}
