package io.guanxi.contract;

import io.guanxi.advice.AdviceApi;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.json.tree.JsonNode;

/**
 * Valid requests for the experiment operations: a start once none runs, with the live version as
 * challenger in shadow mode (the answers stay the same), and for the others a fresh running experiment.
 */
final class ExperimentRequests {

    static final String PATH = "/v1/experiments";

    private ExperimentRequests() {
    }

    static MutableHttpRequest<?> valid(AdviceApi api, String method, String path) {
        stopRunning(api);
        String start = "{\"challenger\": \"" + api.get("/v1/ruleset").text("version")
                + "\", \"mode\": \"shadow\", \"sharePercent\": 1}";
        if (path.equals(PATH) && method.equals("post")) {
            return HttpRequest.POST(PATH, start).contentType(MediaType.APPLICATION_JSON_TYPE);
        }
        long id = api.exchange(HttpRequest.POST(PATH, start).contentType(MediaType.APPLICATION_JSON_TYPE)).body()
                .get("id").getLongValue();
        return HttpRequest.create(HttpMethod.parse(method.toUpperCase()), path.replace("{experimentId}", String.valueOf(id)));
    }

    /** Leaves no experiment running for the tests that follow. */
    static void stopRunning(AdviceApi api) {
        for (JsonNode e : api.get(PATH).body().get("experiments").values()) {
            if ("RUNNING".equals(e.get("state").getStringValue())) {
                api.exchange(HttpRequest.POST(PATH + "/" + e.get("id").getLongValue() + "/stop", ""));
            }
        }
    }
}
