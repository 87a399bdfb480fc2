package io.guanxi.simulation;

import static io.guanxi.simulation.SimulationApi.cell;
import static io.guanxi.simulation.SimulationApi.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guanxi.advice.AdviceApi;
import io.guanxi.testing.AuditDatabase;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A candidate rule set replayed over a real logged history: the live version reproduces every
 * decision it made, the worked example's threshold change shows up in the matrix and the kept
 * changes, and a broken record is reported, never replayed.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SimulationTest {

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    JsonMapper json;

    private AdviceApi api;
    private SimulationApi simulations;
    private Instant from;
    private final List<String> decisions = new ArrayList<>();
    private final List<String> nearStrategic = new ArrayList<>();
    private String steady;

    /**
     * Three customers: one moving through every stage (a share drop among them), one at 0.82 then 0.84, one steady;
     * the steady one's decisions are the last three of the log.
     */
    @BeforeAll
    void logHistory() throws InterruptedException {
        api = new AdviceApi(client, json);
        simulations = new SimulationApi(api);
        from = Instant.now().minusMillis(5);
        Thread.sleep(10);
        String moving = AdviceApi.uniqueCustomer("SIM-MOVE");
        for (double share : new double[] {0.62, 0.35, 0.9, 0.9, 0.1}) {
            decide(moving, share, "FEW");
        }
        String near = AdviceApi.uniqueCustomer("SIM-NEAR");
        nearStrategic.add(decide(near, 0.82, "MANY"));
        nearStrategic.add(decide(near, 0.84, "MANY"));
        steady = AdviceApi.uniqueCustomer("SIM-STEADY");
        for (int i = 0; i < 3; i++) {
            decide(steady, 0.55, "MEDIUM");
        }
    }

    private String decide(String customer, double share, String segment) {
        Map<String, Object> body = AdviceApi.validRequest(customer);
        body.put("purchaseShare", share);
        body.put("segmentSize", segment);
        body.put("annualRevenue", 6000000);
        String id = api.advise(body).text("decisionId");
        decisions.add(id);
        return id;
    }

    @Test
    void theLiveVersionReproducesEveryDecisionItMade() throws Exception {
        JsonNode view = simulations.run(Map.of("from", from.toString()));

        assertEquals(decisions.size(), count(view, "replayed"), () -> api.write(view));
        assertEquals(decisions.size(), count(view, "reproduced"), () -> "findings: " + api.write(view.get("report").get("findings")));
        assertEquals(0, count(view, "changed"));
        assertEquals(0, count(view, "skipped"));
        JsonNode ran = view.get("report").get("ranAgainst");
        assertEquals("live", ran.get("candidate").getStringValue());
        assertTrue(ran.get("chainHead").get("seq").getLongValue() >= AuditDatabase.seqOf(decisions.get(decisions.size() - 1)));
    }

    @Test
    void raisingTheStrategicThresholdMovesOnlyTheSharesBelowIt() throws Exception {
        JsonNode view = simulations.run(Map.of("from", from.toString(), "files", SimulationApi.strategicFrom085()));

        assertEquals(decisions.size(), count(view, "replayed"));
        assertEquals(2, count(view, "changed"), () -> api.write(view));
        assertEquals(0, count(view, "reproduced"), "the candidate made none of these decisions");
        assertEquals(2, cell(view.get("report"), "cooperationStage", "STRATEGIC", "STABLE"));
        assertEquals(5, cell(view.get("report"), "cooperationStage", "STABLE", "STABLE"));
        JsonNode changes = api.get(view.get("changes").getStringValue() + "?limit=1").body();
        JsonNode first = changes.get("items").get(0);
        assertEquals(nearStrategic.get(0), first.get("decisionId").getStringValue());
        assertTrue(api.write(first.get("rulesBefore")).contains("\"COOP-040\""), () -> api.write(first));
        assertTrue(api.write(first.get("rulesAfter")).contains("\"COOP-030\""), () -> api.write(first));
        JsonNode second = api.get(view.get("changes").getStringValue() + "?cursor="
                + changes.get("nextCursor").getStringValue()).body();
        assertEquals(nearStrategic.get(1), second.get("items").get(0).get("decisionId").getStringValue());
        String csv = api.exchangeText(HttpRequest.GET(view.get("changes").getStringValue() + "?format=csv")).body();
        assertEquals(3, csv.split("\r\n").length, csv);
        assertTrue(csv.split("\r\n")[1].contains("STRATEGIC,STABLE"), csv);
        String jsonl = api.exchangeText(HttpRequest.GET(view.get("changes").getStringValue() + "?format=jsonl")).body();
        assertEquals(2, jsonl.lines().count());
    }

    @Test
    void aBrokenRecordIsReportedAndNotReplayed() throws Exception {
        long seq = AuditDatabase.seqOf(decisions.get(decisions.size() - 2));
        String tamper = "UPDATE decision_record SET evaluation_micros = evaluation_micros + ? WHERE seq = ?";
        JsonNode view;
        try (Connection c = AuditDatabase.connect()) {
            AuditDatabase.update(c, tamper, 1, seq);
            try {
                view = simulations.run(Map.of("from", from.toString(), "customerId", steady));
            } finally {
                AuditDatabase.update(c, tamper, -1, seq);
            }
        }
        assertEquals(1, count(view, "replayed"), "only the first decision rests on intact records alone");
        assertEquals(1, count(view, "reproduced"));
        assertEquals(2, count(view, "skipped"));
        JsonNode skips = view.get("report").get("skippedRecords");
        assertEquals(seq, skips.get(0).get("seq").getLongValue());
        assertTrue(skips.get(0).get("reason").getStringValue().startsWith("altered content"), () -> api.write(skips));
        assertEquals(seq + 1, skips.get(1).get("seq").getLongValue());
        assertTrue(skips.get(1).get("reason").getStringValue().contains("previous decision"), () -> api.write(skips));
    }
}
