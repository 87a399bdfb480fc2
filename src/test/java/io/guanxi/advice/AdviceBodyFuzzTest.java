package io.guanxi.advice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guanxi.testing.FuzzAnswers;
import io.guanxi.testing.FuzzBudget;
import io.guanxi.testing.FuzzedService;
import io.guanxi.testing.FuzzedService.Answer;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Fuzzes {@code POST /v1/advice} on the real service: requests with every field around and across
 * its boundaries, broken bodies, odd content types and sizes. Whatever is sent, the answer is never
 * a server error nor an internal detail; a valid request gets its advice, and a refusal is
 * problem+json naming exactly the fields at fault. Seed, tries and time budget: see {@link FuzzBudget}.
 */
@AddLifecycleHook(FuzzBudget.class)
class AdviceBodyFuzzTest {

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

    @Property(tries = 400)
    void everyFieldIsJudgedByTheContract(@ForAll("requests") FuzzedRequest request) {
        String body = request.body();
        Answer answer = service.send("POST", "/v1/advice", "application/json", body.getBytes(StandardCharsets.UTF_8));
        answers.assertSafe(body, answer);
        if (answer.status() == 200 && request.invalid().isEmpty()) {
            JsonNode advice = answers.parse(body, answer);
            assertFalse(advice.get("decisionId").getStringValue().isBlank(), answer::toString);
            assertTrue(body.contains("\"customerId\"" + request.space() + ":" + request.space() + "\""
                    + advice.get("customerId").getStringValue() + "\""), answer::toString);
            return;
        }
        Set<String> named = fieldsNamed(answers.assertProblem(body, answer, 400));
        Set<String> allowed = new TreeSet<>(request.invalid());
        allowed.addAll(request.either());
        assertTrue(named.containsAll(request.invalid()) && allowed.containsAll(named) && !named.isEmpty(),
                () -> body + " -> named " + named + " but must name " + request.invalid() + ", may name " + request.either());
    }

    @Property(tries = 200)
    void brokenBodyIsRefusedWithoutHarm(@ForAll("brokenBodies") BrokenBody broken) {
        Answer answer = service.send("POST", "/v1/advice", broken.contentType(), broken.bytes());
        String asked = broken.toString();
        answers.assertSafe(asked, answer);
        switch (broken.status()) {
            case 200 -> assertEquals(200, answer.status(), () -> asked + " -> " + answer);
            case 0 -> assertTrue(answer.status() == 200 || answers.assertProblem(asked, answer, 400) != null, () -> asked + " -> " + answer);
            case -1 -> assertTrue(answer.status() < 400 || answers.assertProblem(asked, answer, answer.status()) != null);
            default -> {
                Set<String> named = fieldsNamed(answers.assertProblem(asked, answer, broken.status()));
                assertTrue(broken.mayName().containsAll(named), () -> asked + " -> " + answer);
            }
        }
    }

    @Provide
    Arbitrary<FuzzedRequest> requests() {
        return FuzzedRequest.arbitrary();
    }

    @Provide
    Arbitrary<BrokenBody> brokenBodies() {
        return BrokenBody.arbitrary();
    }

    private static Set<String> fieldsNamed(JsonNode problem) {
        Set<String> named = new TreeSet<>();
        JsonNode errors = problem.get("errors");
        if (errors != null) {
            errors.values().forEach(e -> named.add(e.get("field").getStringValue()));
        }
        return named;
    }
}
