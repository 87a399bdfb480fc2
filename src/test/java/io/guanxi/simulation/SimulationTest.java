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
import io.guanxi.rules.api.RulesCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

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
        JsonNode listed = api.get("/v1/simulations").body().get("simulations").get(0);
        assertEquals(view.get("id"), listed.get("id"), "the newest simulation is listed first");
        assertEquals(from.toString(), listed.get("request").get("from").getStringValue(), "with what it replayed");
        assertTrue(listed.get("request").get("files").isNull(), "but not the files themselves");

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
    void theAuditFiltersChooseWhatIsReplayed() throws Exception {
        JsonNode byCustomer = simulations.run(Map.of("from", from.toString(), "customerId", steady));
        assertEquals(3, count(byCustomer, "replayed"), () -> api.write(byCustomer));
        assertEquals(3, count(byCustomer, "reproduced"));

        // The rule filter is applied to what each record decided, as the audit query applies it.
        JsonNode logged = api.get("/v1/decisions?rule=COOP-040&limit=100&from=" + from).body();
        int fired = logged.get("items").size();
        assertTrue(fired >= 2, () -> api.write(logged));
        JsonNode byRule = simulations.run(Map.of("from", from.toString(), "rule", "COOP-040",
                "files", SimulationApi.strategicFrom085()));
        assertEquals(fired, count(byRule, "replayed"), () -> api.write(byRule));
        assertEquals(2, count(byRule, "changed"), "the two shares between 0.80 and 0.85 are among them");
        assertEquals(0, count(byRule, "skipped"));
    }

    @Test
    void aFactsFileIsDecidedAsFirstDecisionsAgainstTheLiveRules() throws Exception {
        String facts = line("F1", 0.82) + "\n\n" + line("F2", 0.5) + "\n";
        JsonNode view = simulations.run(Map.of("facts", facts, "files", SimulationApi.strategicFrom085()));

        assertEquals(2, count(view, "replayed"));
        assertEquals(1, count(view, "changed"));
        assertEquals(1, cell(view.get("report"), "cooperationStage", "STRATEGIC", "STABLE"));
        JsonNode ran = view.get("report").get("ranAgainst");
        assertEquals("facts", ran.get("population").getStringValue());
        assertEquals(api.get("/v1/ruleset").text("version"), ran.get("baselineVersion").getStringValue());
        JsonNode change = api.get(view.get("changes").getStringValue()).body().get("items").get(0);
        assertEquals(1, change.get("seq").getLongValue(), "the line number");
        assertEquals("NEW", change.get("after").get("transition").getStringValue());
    }

    private String line(String customer, double share) {
        Map<String, Object> facts = AdviceApi.validRequest(customer);
        facts.put("purchaseShare", share);
        return api.write(facts);
    }

    @Test
    void badFactsAndFailingCandidatesAreRefusedBeforeAnythingRuns() {
        AdviceApi.Reply facts = simulations.post(Map.of("facts", line("F1", 0.5) + "\n" + line("F2", 0.5)
                .replace("\"purchaseShare\":0.5", "\"purchaseShare\":\"0.5\"")));
        assertEquals(400, facts.status(), () -> api.write(facts.body()));
        assertEquals("line 2: purchaseShare", facts.body().get("errors").get(0).get("field").getStringValue());

        List<Map<String, Object>> untested = SimulationApi.files((path, text) -> path.equals("cooperation-stage.drl")
                ? text.replace("0.80", "0.85") : text);
        AdviceApi.Reply candidate = simulations.post(Map.of("files", untested));
        assertEquals(422, candidate.status(), () -> api.write(candidate.body()));
        assertTrue(api.write(candidate.body().get("errors")).contains("tests/cooperation-stage.yaml"),
                () -> api.write(candidate.body()));
    }

    @Test
    void theCommandLineReplaysARulesDirectoryOverTheLog(@TempDir Path dir) throws Exception {
        for (Map<String, Object> file : SimulationApi.strategicFrom085()) {
            Path target = dir.resolve((String) file.get("path"));
            Files.createDirectories(target.getParent());
            Files.writeString(target, (String) file.get("content"));
        }
        JsonNode report = json.readValue(command(dir.toString(), "--from", from.toString(), "--json"), JsonNode.class);
        assertEquals(2, report.get("counts").get("changed").getLongValue());
        assertEquals(2, cell(report, "cooperationStage", "STRATEGIC", "STABLE"));

        String table = command(dir.toString(), "--from", from.toString());
        assertTrue(table.contains("STRATEGIC    -> STABLE              2   changed"), table);
    }

    /** Runs {@code rules simulate} against the test database; its output, after checking it exits 0. */
    private static String command(String... args) {
        System.setProperty("datasources.default.url", AuditDatabase.server().jdbcUrl());
        System.setProperty("datasources.default.username", AuditDatabase.login().user());
        System.setProperty("datasources.default.password", AuditDatabase.login().password());
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
            int status = RulesCommand.run(Stream.concat(Stream.of("simulate"), Stream.of(args)).toArray(String[]::new),
                    print, print);
            assertEquals(0, status, out.toString(StandardCharsets.UTF_8));
            return out.toString(StandardCharsets.UTF_8);
        } finally {
            System.clearProperty("datasources.default.url");
            System.clearProperty("datasources.default.username");
            System.clearProperty("datasources.default.password");
        }
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
