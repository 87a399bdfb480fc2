package io.guanxi.decisionlog;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.guanxi.rules.RuleId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stable ids ({@code TIER-010}) of the rules that fired in a stored decision, in firing order,
 * each once: what the audit query's {@code rule} filter matches. A record that stores facts names
 * them in its trace ({@code decision_json}); an older one lists the rules' full names
 * ({@code fired_rules}), each starting with its id. Read by streaming, without building the trace.
 */
public final class FiredRuleIds {

    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final Logger LOG = LoggerFactory.getLogger(FiredRuleIds.class);

    private FiredRuleIds() {
    }

    /**
     * As {@link #of}, but none for a record whose stored rules cannot be read (altered behind the
     * service's back: {@code audit verify} reports it), logged, so that one such record neither
     * stops the audit indexer nor fails every audit query that meets it.
     */
    public static List<String> ofStored(long recordId, String firedRules, String decisionJson) {
        try {
            return of(firedRules, decisionJson);
        } catch (UncheckedIOException | IllegalArgumentException e) {
            LOG.warn("The fired rules of decision record {} cannot be read, so no rule filter matches it"
                    + " (run audit verify): {}", recordId, e.getMessage());
            return List.of();
        }
    }

    /** From a record's {@code fired_rules} when it has them, else from its {@code decision_json}. */
    public static List<String> of(String firedRules, String decisionJson) {
        Set<String> ids = new LinkedHashSet<>();
        if (firedRules == null) {
            if (decisionJson != null) {
                firings(decisionJson, ids);
            }
            return new ArrayList<>(ids);
        }
        try (JsonParser parser = JSON.createParser(firedRules)) {
            for (JsonToken t = parser.nextToken(); t != null; t = parser.nextToken()) {
                if (t == JsonToken.VALUE_STRING) {
                    ids.add(RuleId.ofRuleName(parser.getText()).toString());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("a stored decision's fired rules cannot be read: " + e.getMessage(), e);
        }
        return new ArrayList<>(ids);
    }

    /** {@code {"outputs": […], "firings": [{"rule": "TIER-010", …}, …], …}}: each firing's rule. */
    private static void firings(String trace, Set<String> ids) {
        try {
            ExplanationJson.readOutline(trace, new ExplanationJson.OutlineVisitor() {
                @Override
                public void output(String output, String code) {
                }

                @Override
                public void firing(String rule) {
                    ids.add(rule);
                }
            });
        } catch (IllegalStateException e) {
            throw new UncheckedIOException("a stored decision's fired rules cannot be read: " + e.getMessage(),
                    new IOException(e.getMessage(), e));
        }
    }
}
