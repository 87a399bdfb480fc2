package io.guanxi.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guanxi.advice.AdviceApi;
import io.guanxi.testing.FuzzAnswers;
import io.guanxi.testing.FuzzBudget;
import io.guanxi.testing.FuzzedService;
import io.guanxi.testing.FuzzedService.Answer;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Fuzzes the auditors' read endpoints on the real service: the filters, cursor and limit of
 * {@code GET /v1/decisions} and its export, decision ids, the range of {@code GET /v1/audit/verify},
 * and query strings broken below what a client would send. Never a server error nor an internal
 * detail; a valid query gets 200, a refusal is problem+json naming exactly the parameters at fault.
 * Seed, tries and time budget: see {@link FuzzBudget}.
 */
@AddLifecycleHook(FuzzBudget.class)
class AuditQueryFuzzTest {

    private static FuzzedService service;
    private static FuzzAnswers answers;
    private static String customer;
    private static String decisionId;

    @BeforeContainer
    static void start() {
        service = FuzzedService.start();
        answers = new FuzzAnswers(service.bean(JsonMapper.class));
        customer = AdviceApi.uniqueCustomer("FZQ");
        for (String share : new String[] {"0.3", "0.6", "0.9"}) {
            String body = "{\"customerId\":\"" + customer + "\",\"purchaseShare\":" + share + ",\"annualRevenue\":3000000,"
                    + "\"profitMargin\":0.2,\"revenueTrend\":0,\"orderCount12m\":5,\"tenureMonths\":12,\"segmentSize\":\"FEW\"}";
            Answer advice = service.send("POST", "/v1/advice", "application/json", body.getBytes(StandardCharsets.UTF_8));
            decisionId = answers.parse(body, advice).get("decisionId").getStringValue();
        }
    }

    @AfterContainer
    static void stop() {
        service.close();
    }

    @Property(tries = 250)
    void pageParametersAreJudgedByTheContract(@ForAll("pages") FuzzedQuery query) {
        String asked = "/v1/decisions" + query.query();
        Answer answer = service.get(asked);
        if (judged(asked, answer, query.invalid(), true)) {
            JsonNode page = answers.parse(asked, answer);
            assertTrue(page.get("items").isArray() && page.get("nextCursor") != null, () -> asked + " -> " + answer);
            for (JsonNode item : page.get("items").values()) {
                assertTrue(asked.contains("customerId=" + item.get("customerId").getStringValue()), () -> asked + " -> " + answer);
            }
        }
    }

    @Property(tries = 120)
    void exportParametersAreJudgedByTheContract(@ForAll("exports") FuzzedQuery query) {
        String asked = "/v1/decisions/export" + query.query();
        Answer answer = service.get(asked);
        if (judged(asked, answer, query.invalid(), true)) {
            String type = asked.contains("format=csv") ? "text/csv" : "application/x-ndjson";
            assertTrue(answer.contentType().startsWith(type), () -> asked + " -> " + answer);
        }
    }

    @Property(tries = 150)
    void decisionIdIsFoundOrNotFound(@ForAll("decisionIds") String id) {
        String asked = "/v1/decisions/" + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
        Answer answer = service.get(asked);
        answers.assertSafe(asked, answer);
        if (id.equals(decisionId)) {
            assertEquals(200, answer.status(), () -> asked + " -> " + answer);
        } else {
            answers.assertProblem(asked, answer, 404);
        }
    }

    @Property(tries = 150)
    void verifyRangeIsJudgedByTheContract(@ForAll("verifyRanges") VerifyRange range) {
        String asked = "/v1/audit/verify" + range.query();
        Answer answer = service.get(asked);
        // The framework reads from and to, and stops at the first it cannot: one of them is named.
        if (judged(asked, answer, range.invalid(), false)) {
            assertTrue(answers.parse(asked, answer).get("ok") != null, () -> asked + " -> " + answer);
        }
    }

    @Property(tries = 50)
    void brokenQueryStringIsNeverAServerError(@ForAll("rawTargets") String target) {
        Answer answer = service.getRaw(target);
        answers.assertSafe(target, answer);
        if (answer.status() >= 400) {
            answers.assertProblem(target, answer, answer.status());
        }
    }

    /** True for a 200 the test may look into; a refusal must be a 400 naming {@code invalid} (every one, or some). */
    private static boolean judged(String asked, Answer answer, Set<String> invalid, boolean every) {
        answers.assertSafe(asked, answer);
        if (invalid.isEmpty()) {
            assertEquals(200, answer.status(), () -> asked + " -> " + answer);
            return true;
        }
        JsonNode problem = answers.assertProblem(asked, answer, 400);
        Set<String> named = new TreeSet<>();
        problem.get("errors").values().forEach(e -> named.add(e.get("field").getStringValue()));
        assertTrue(every ? named.equals(invalid) : !named.isEmpty() && invalid.containsAll(named), () -> asked + " -> " + answer);
        return false;
    }

    @Provide
    Arbitrary<FuzzedQuery> pages() {
        return FuzzedQuery.page(customer);
    }

    @Provide
    Arbitrary<FuzzedQuery> exports() {
        return FuzzedQuery.export(customer);
    }

    @Provide
    Arbitrary<String> decisionIds() {
        Arbitrary<String> odd = Arbitraries.strings().withChars("0123456789abcdef-/%?#\\ \u00e9\u5173;.").ofMinLength(1).ofMaxLength(80);
        Arbitrary<String> edges = Arbitraries.of("00000000-0000-0000-0000-000000000000", "x".repeat(1000), "' OR '1'='1", "%00", "null");
        return Arbitraries.oneOf(Arbitraries.just(decisionId), odd, edges)
                .filter(id -> !Set.of("export", ".", "..").contains(id) && !id.startsWith("?") && !id.startsWith("#"));
    }

    @Provide
    Arbitrary<VerifyRange> verifyRanges() {
        long head = answers.parse("head", service.get("/v1/audit/head")).get("seq").getLongValue();
        return VerifyRange.arbitrary(head);
    }

    @Provide
    Arbitrary<String> rawTargets() {
        Arbitrary<String> path = Arbitraries.of("/v1/decisions", "/v1/decisions/export", "/v1/audit/verify", "/v1/decisions/%zz", "/v1/decisions/%C0%AF");
        Arbitrary<String> query = Arbitraries.of("%", "%zz", "%C0%AF", "%FF", "%00", "&&", "=", "==", "&=&", "limit", "limit=",
                "limit=%", "cursor=%ZZ", "customerId=%E6%85", "from=%2B1000000000-01-01T00:00:00Z", "to=1%", "tier=KEY&tier",
                "from=1&from=2", "from=%20", "to=", ";", "?", "a=b;c=d", "%E2%80%AE");
        return net.jqwik.api.Combinators.combine(path, query).as((p, q) -> p + "?" + q);
    }
}
