package io.guanxi.rules.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guanxi.advice.AdviceApi;
import io.micronaut.http.HttpRequest;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Good and bad reloads while advice requests keep coming: not one request fails or mixes rule sets. */
class ReloadUnderLoadTest {

    private static final String CALLBACK = "POST_SALE_CALLBACK,%s";

    @TempDir
    Path temp;

    @Test
    void seriesOfGoodAndBadReloadsFailsNoRequest() throws Exception {
        RulesWorkspace rules = new RulesWorkspace(temp);
        try (EmbeddedServer server = rules.start(Map.of("guanxi.watch-rules", false))) {
            AdviceApi api = RulesWorkspace.api(server);
            Set<String> liveVersions = new HashSet<>(Set.of(api.get("/v1/ruleset").text("version")));
            ConcurrentLinkedQueue<AdviceApi.Reply> replies = new ConcurrentLinkedQueue<>();
            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService load = Executors.newFixedThreadPool(4);
            List<Future<?>> clients = java.util.stream.IntStream.range(0, 4).<Future<?>>mapToObj(i -> load.submit(() -> {
                while (running.get()) {
                    replies.add(api.advise(AdviceApi.validRequest(AdviceApi.uniqueCustomer("LOAD"))));
                }
            })).toList();
            String label = "售后回访";
            for (String next : List.of("售后回访一", "售后回访二", "售后回访三")) {
                rules.edit("actions.csv", CALLBACK.formatted(label), CALLBACK.formatted(next));
                label = next;
                AdviceApi.Reply good = reload(api);
                assertEquals(200, good.status());
                liveVersions.add(good.text("version"));

                rules.write("broken.drl", "package guanxi;\nrule \"X-1\"\nwhen\n  Nope(\nthen\nend\n");
                assertEquals(422, reload(api).status());
                java.nio.file.Files.delete(rules.dir().resolve("broken.drl"));
            }
            running.set(false);
            for (Future<?> client : clients) {
                client.get();
            }
            load.shutdown();

            assertTrue(replies.size() > 20, "the load ran: " + replies.size());
            for (AdviceApi.Reply reply : replies) {
                assertEquals(200, reply.status(), () -> api.write(reply.body()));
                assertTrue(liveVersions.contains(reply.text("rulesetVersion")), reply.text("rulesetVersion"));
            }
            assertEquals(4, liveVersions.size());
        }
    }

    private static AdviceApi.Reply reload(AdviceApi api) {
        return api.exchange(HttpRequest.POST("/v1/ruleset/reload", "").contentType("application/json"));
    }
}
