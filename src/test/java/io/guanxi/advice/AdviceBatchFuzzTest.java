package io.guanxi.advice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guanxi.testing.FuzzAnswers;
import io.guanxi.testing.FuzzBudget;
import io.guanxi.testing.FuzzedService;
import io.guanxi.testing.FuzzedService.Answer;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Fuzzes {@code POST /v1/advice/batch} on the real service: batches of fuzzed advice requests, and
 * broken bodies sent as a batch. Every item is answered in its place, as the single endpoint would
 * answer it; a body that is no batch is refused whole as problem+json; never a server error nor an
 * internal detail. Seed, tries and time budget: see {@link FuzzBudget}.
 */
@AddLifecycleHook(FuzzBudget.class)
class AdviceBatchFuzzTest {

    private static FuzzedService service;
    private static FuzzAnswers answers;

    @BeforeContainer
    static void start() {
        service = FuzzedService.start();
        answers = new FuzzAnswers(service.bean(JsonMapper.class));
    }

    @AfterContainer
    static void stop() {
        service.close();
    }

    @Property(tries = 40)
    void everyItemIsJudgedInItsPlaceAsASingleRequestWouldBe(@ForAll("batches") List<FuzzedRequest> items) {
        String body = items.stream().map(FuzzedRequest::body).collect(Collectors.joining(",", "{\"items\":[", "]}"));
        Answer answer = service.send("POST", "/v1/advice/batch", "application/json", body.getBytes(StandardCharsets.UTF_8));
        answers.assertSafe(body, answer);
        JsonNode results = answers.parse(body, answer).get("results");
        assertEquals(items.size(), results.size(), answer::toString);
        for (int i = 0; i < items.size(); i++) {
            FuzzedRequest item = items.get(i);
            JsonNode result = results.get(i);
            if (result.get("decisionId") != null) {
                assertTrue(item.invalid().isEmpty(), () -> item.body() + " was decided: " + result);
                continue;
            }
            assertEquals(400, result.get("status").getIntValue(), () -> item.body() + " -> " + result);
            Set<String> named = new TreeSet<>();
            result.get("errors").values().forEach(e -> named.add(e.get("field").getStringValue()));
            Set<String> allowed = new TreeSet<>(item.invalid());
            allowed.addAll(item.either());
            assertTrue(named.containsAll(item.invalid()) && allowed.containsAll(named) && !named.isEmpty(),
                    () -> item.body() + " -> named " + named + " but must name " + item.invalid());
        }
    }

    @Property(tries = 100)
    void aBodyThatIsNoBatchIsRefusedWholeWithoutHarm(@ForAll("brokenBodies") BrokenBody broken) {
        Answer answer = service.send("POST", "/v1/advice/batch", broken.contentType(), broken.bytes());
        answers.assertSafe(broken.toString(), answer);
        answers.assertProblem(broken.toString(), answer, answer.status());
    }

    @Provide
    Arbitrary<List<FuzzedRequest>> batches() {
        return FuzzedRequest.arbitrary().list().ofMinSize(1).ofMaxSize(12);
    }

    @Provide
    Arbitrary<BrokenBody> brokenBodies() {
        return BrokenBody.arbitrary();
    }
}
