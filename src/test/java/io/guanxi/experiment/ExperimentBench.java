package io.guanxi.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.guanxi.advice.AdviceApi;
import io.guanxi.rules.lifecycle.RulesWorkspace;
import io.micronaut.http.HttpRequest;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A service on a private copy of the rules where two versions went live: the shipped rules (the
 * champion, live again) and a challenger that makes a customer STRATEGIC from a share of 0.85
 * instead of 0.80 (the worked example of rules/README.md). No experiment runs when it is made or closed.
 */
final class ExperimentBench implements AutoCloseable {

    final RulesWorkspace rules;
    final String champion;
    final String challenger;
    EmbeddedServer server;
    AdviceApi api;

    ExperimentBench(Path emptyDir) {
        rules = new RulesWorkspace(emptyDir);
        start();
        stopRunning();
        champion = api.get("/v1/ruleset").text("version");
        rules.edit("cooperation-stage.drl", "0.80", "0.85");
        moveScenariosOffTheOldBoundary(emptyDir.resolve("tests"));
        challenger = post("/v1/ruleset/reload", "").text("version");
        assertEquals(200, post("/v1/ruleset/rollback", "{\"version\": \"" + champion + "\"}").status());
    }

    void start() {
        // The rules change here by request only: a watcher reloading the edited file on its own
        // would hold the reload lock just when a test rolls back (409).
        server = rules.start(Map.of("guanxi.watch-rules", false));
        api = RulesWorkspace.api(server);
    }

    /** Closes the service and starts another on the same rules and database, as a restart or a second instance. */
    void restart() {
        server.close();
        start();
    }

    AdviceApi.Reply post(String path, String body) {
        return api.exchange(HttpRequest.POST(path, body));
    }

    AdviceApi.Reply startExperiment(String mode, Integer share) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("challenger", challenger);
        body.put("mode", mode);
        if (share != null) {
            body.put("sharePercent", share);
        }
        body.put("note", "test");
        return post("/v1/experiments", api.write(body));
    }

    /** Advice for a customer with this purchase share: STRATEGIC for the champion from 0.80, for the challenger from 0.85. */
    AdviceApi.Reply advise(String customer, double share) {
        Map<String, Object> body = AdviceApi.validRequest(customer);
        body.put("purchaseShare", share);
        return api.advise(body);
    }

    /** Stops whatever experiment runs, so that no other test decides under it. */
    void stopRunning() {
        for (JsonNode e : api.get("/v1/experiments").body().get("experiments").values()) {
            if ("RUNNING".equals(e.get("state").getStringValue())) {
                post("/v1/experiments/" + e.get("id").getLongValue() + "/stop", "");
            }
        }
    }

    @Override
    public void close() {
        stopRunning();
        server.close();
    }

    private static void moveScenariosOffTheOldBoundary(Path tests) {
        try (Stream<Path> files = Files.list(tests)) {
            for (Path f : files.toList()) {
                Files.writeString(f, Files.readString(f).replaceAll("purchaseShare: 0\\.8\\b", "purchaseShare: 0.9"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The decisions of an experiment as exported (JSON lines), optionally of one arm only. */
    List<JsonNode> exported(long experiment, String arm) {
        String query = "/v1/decisions/export?format=jsonl&experiment=" + experiment + (arm == null ? "" : "&arm=" + arm);
        AdviceApi.Text export = api.exchangeText(HttpRequest.GET(query));
        assertEquals(200, export.status(), export.body());
        JsonMapper json = server.getApplicationContext().getBean(JsonMapper.class);
        String body = export.body() == null ? "" : export.body();
        return body.lines().map(l -> {
            try {
                return json.readValue(l, JsonNode.class);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }
}
