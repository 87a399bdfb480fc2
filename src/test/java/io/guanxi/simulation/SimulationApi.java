package io.guanxi.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.guanxi.advice.AdviceApi;
import io.guanxi.testing.Poll;
import io.micronaut.http.HttpRequest;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Starts simulations over HTTP and waits for their reports; builds candidates from the real rules. */
final class SimulationApi {

    private final AdviceApi api;

    SimulationApi(AdviceApi api) {
        this.api = api;
    }

    AdviceApi.Reply post(Map<String, Object> body) {
        return api.exchange(HttpRequest.POST("/v1/simulations", api.write(body)));
    }

    /** Starts a simulation, which must be accepted, and waits (up to two minutes) until it is no longer running. */
    JsonNode run(Map<String, Object> body) {
        AdviceApi.Reply accepted = post(body);
        assertEquals(202, accepted.status(), () -> "not accepted: " + accepted.body());
        String location = accepted.text("location");
        JsonNode view = Poll.until("simulation " + location + " ends", Duration.ofMinutes(2),
                () -> api.get(location).body(), v -> !v.get("state").getStringValue().equals("RUNNING"));
        assertEquals("DONE", view.get("state").getStringValue(), () -> "failed: " + view);
        return view;
    }

    /** The rule and scenario files of {@code rules/} as a request's {@code files}, each text edited by {@code edit}. */
    static List<Map<String, Object>> files(java.util.function.BiFunction<String, String, String> edit) {
        Path rules = Path.of("rules");
        List<Map<String, Object>> files = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(rules)) {
            for (Path p : paths.filter(Files::isRegularFile).sorted().toList()) {
                String path = rules.relativize(p).toString();
                if (path.endsWith("README.md")) {
                    continue;
                }
                Map<String, Object> file = new LinkedHashMap<>();
                file.put("path", path);
                file.put("content", edit.apply(path, Files.readString(p)));
                files.add(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** The worked example of rules/README.md: STRATEGIC from a share of 0.85, the scenarios moved off the old boundary. */
    static List<Map<String, Object>> strategicFrom085() {
        return files((path, text) -> path.equals("cooperation-stage.drl") ? text.replace("0.80", "0.85")
                : path.startsWith("tests/") ? text.replaceAll("purchaseShare: 0\\.8\\b", "purchaseShare: 0.9") : text);
    }

    /** The count of the matrix cell {@code before -> after} of one output (0 when absent). */
    static long cell(JsonNode report, String output, String before, String after) {
        for (JsonNode c : report.get("matrices").get(output).values()) {
            if (c.get("before").getStringValue().equals(before) && c.get("after").getStringValue().equals(after)) {
                return c.get("count").getLongValue();
            }
        }
        return 0;
    }

    static long count(JsonNode view, String name) {
        return view.get("report").get("counts").get(name).getLongValue();
    }
}
