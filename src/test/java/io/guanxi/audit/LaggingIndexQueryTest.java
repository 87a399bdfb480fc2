package io.guanxi.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.guanxi.advice.AdviceApi;
import io.guanxi.audit.index.DecisionIndexer;
import io.guanxi.decisionlog.FiredRuleIds;
import io.guanxi.testing.AuditDatabase;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Audit queries are exact however far the audit indexes lag behind the chain: a query whose
 * records are partly indexed and partly not yet gives, page by page and in its export, exactly
 * what it gives once everything is indexed — and what the chain itself says.
 */
@MicronautTest(transactional = false)
@Property(name = "guanxi.audit.indexer.enabled", value = "false")
class LaggingIndexQueryTest {

    private static final double[] SHARES = {0.0, 0.3, 0.55, 0.85, 0.7};
    private static final double[] TREND = {-0.2, 0.1, 0.3};

    /** A record as the chain holds it: the ground truth a query is held to. */
    private record Truth(String decisionId, String customerId, String tier, String transition, List<String> rules) {
    }

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    JsonMapper json;
    @Inject
    DecisionIndexer indexer;

    @Test
    void queriesSpanningIndexedAndUnindexedRecordsAreExact() throws Exception {
        indexer.catchUp();
        String from = Instant.now().minusMillis(1).toString();
        String prefix = AdviceApi.uniqueCustomer("LAG");
        advise(prefix, 0, 30);
        indexer.catchUp();
        // The same customers again (transitions), then new ones: none of it indexed.
        advise(prefix, 15, 45);
        List<Truth> truth = truth(prefix);
        assertEquals(75, truth.size());
        Map<String, Predicate<Truth>> queries = queries(truth);

        Map<String, List<String>> lagging = new LinkedHashMap<>();
        for (Map.Entry<String, Predicate<Truth>> q : queries.entrySet()) {
            List<String> expected = truth.stream().filter(q.getValue()).map(Truth::decisionId).toList();
            assertFalse(expected.isEmpty(), q.getKey() + " matches something");
            List<String> paged = paged("/v1/decisions?" + query(from, q.getKey()));
            assertEquals(expected, paged, q.getKey() + ", with the index lagging");
            assertEquals(expected, exported("/v1/decisions/export?format=jsonl&" + query(from, q.getKey())),
                    q.getKey() + ", exported with the index lagging");
            lagging.put(q.getKey(), paged);
        }

        indexer.catchUp();
        for (Map.Entry<String, List<String>> q : lagging.entrySet()) {
            assertEquals(q.getValue(), paged("/v1/decisions?" + query(from, q.getKey())),
                    q.getKey() + ", once indexed");
        }
    }

    private static String query(String from, String filters) {
        return "from=" + from + (filters.isEmpty() ? "" : "&" + filters);
    }

    /** Every filter, alone and combined, with values the records below really have. */
    private static Map<String, Predicate<Truth>> queries(List<Truth> truth) {
        Map<String, Predicate<Truth>> queries = new LinkedHashMap<>();
        queries.put("", t -> true);
        Truth first = truth.get(0);
        Truth last = truth.get(truth.size() - 1);
        queries.put("tier=" + last.tier(), t -> t.tier().equals(last.tier()));
        queries.put("transition=" + last.transition(), t -> t.transition().equals(last.transition()));
        queries.put("customerId=" + first.customerId(), t -> t.customerId().equals(first.customerId()));
        for (Truth record : List.of(first, last)) {
            String rule = record.rules().get(record == first ? 0 : record.rules().size() - 1);
            queries.put("rule=" + rule, t -> t.rules().contains(rule));
            queries.put("rule=" + rule + "&tier=" + record.tier(),
                    t -> t.rules().contains(rule) && t.tier().equals(record.tier()));
        }
        return queries;
    }

    private void advise(String prefix, int firstCustomer, int count) throws Exception {
        AdviceApi api = new AdviceApi(client, json);
        for (int i = firstCustomer; i < firstCustomer + count; i++) {
            Map<String, Object> body = AdviceApi.validRequest(prefix + "-" + i);
            body.put("purchaseShare", SHARES[(i + count) % SHARES.length]);
            body.put("annualRevenue", 1_500_000 * (i % 5));
            body.put("revenueTrend", TREND[i % TREND.length]);
            AdviceApi.Reply reply = api.advise(body);
            assertEquals(200, reply.status(), () -> String.valueOf(reply.body()));
        }
    }

    /** Pages of 7, followed to the end. */
    private List<String> paged(String query) {
        AdviceApi api = new AdviceApi(client, json);
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = api.get(query + "&limit=7" + (cursor == null ? "" : "&cursor=" + cursor)).body();
            page.get("items").values().forEach(item -> ids.add(item.get("decisionId").getStringValue()));
            JsonNode next = page.get("nextCursor");
            cursor = next == null || next.isNull() ? null : next.getStringValue();
        } while (cursor != null);
        return ids;
    }

    private List<String> exported(String query) throws Exception {
        AdviceApi.Text export = new AdviceApi(client, json).exchangeText(HttpRequest.GET(query));
        List<String> ids = new ArrayList<>();
        for (String line : export.body().split("\n")) {
            if (!line.isBlank()) {
                ids.add(json.readValue(line, JsonNode.class).get("decisionId").getStringValue());
            }
        }
        return ids;
    }

    private static List<Truth> truth(String prefix) throws Exception {
        List<Truth> truth = new ArrayList<>();
        try (Connection c = AuditDatabase.connect();
             PreparedStatement s = c.prepareStatement("SELECT decision_id, customer_id, tier, transition, fired_rules,"
                     + " decision_json FROM decision_record WHERE customer_id LIKE ? ORDER BY id")) {
            s.setString(1, prefix + "-%");
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    truth.add(new Truth(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4),
                            FiredRuleIds.of(rows.getString(5), rows.getString(6))));
                }
            }
        }
        return truth;
    }
}
