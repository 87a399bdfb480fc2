package io.guanxi.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guanxi.platform.web.Problem;
import io.guanxi.testing.ApiKeyTestFilter;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every endpoint but health needs an API key with the right role: 401 without one (or with an
 * unknown one), 403 with a key of another role, never the resource. Uses the JDK client so that
 * no test filter adds credentials.
 */
@MicronautTest(transactional = false)
class AccessControlTest {

    private static final String VERSION = "sha256:" + "0".repeat(64);
    private static final String NO_SIMULATION = "00000000-0000-0000-0000-000000000000";
    private static final Set<String> ALL = Roles.ALL;

    @Inject
    EmbeddedServer server;

    private final HttpClient http = HttpClient.newHttpClient();

    /** Each endpoint with the roles that may call it. */
    static Stream<Arguments> endpoints() {
        return Stream.of(
                Arguments.of("POST", "/v1/advice", Set.of(Roles.ADVICE_CLIENT)),
                Arguments.of("GET", "/v1/decisions/00000000-0000-0000-0000-000000000000",
                        Set.of(Roles.ADVICE_CLIENT, Roles.AUDITOR)),
                Arguments.of("GET", "/v1/decisions/00000000-0000-0000-0000-000000000000/explanation",
                        Set.of(Roles.AUDITOR)),
                Arguments.of("GET", "/v1/decisions?limit=1", Set.of(Roles.AUDITOR)),
                Arguments.of("GET", "/v1/decisions/export?customerId=NOBODY", Set.of(Roles.AUDITOR)),
                Arguments.of("GET", "/v1/audit/head", Set.of(Roles.AUDITOR)),
                Arguments.of("GET", "/v1/audit/verify?from=1&to=1", Set.of(Roles.AUDITOR)),
                Arguments.of("GET", "/v1/ruleset", Set.of(Roles.AUDITOR, Roles.RULES_ADMIN, Roles.ANALYST)),
                Arguments.of("GET", "/v1/ruleset/versions", Set.of(Roles.AUDITOR, Roles.RULES_ADMIN, Roles.ANALYST)),
                Arguments.of("GET", "/v1/ruleset/versions/" + VERSION,
                        Set.of(Roles.AUDITOR, Roles.RULES_ADMIN, Roles.ANALYST)),
                Arguments.of("POST", "/v1/ruleset/reload", Set.of(Roles.RULES_ADMIN)),
                Arguments.of("POST", "/v1/ruleset/rollback", Set.of(Roles.RULES_ADMIN)),
                Arguments.of("POST", "/v1/simulations", Set.of(Roles.RULES_ADMIN, Roles.ANALYST)),
                Arguments.of("GET", "/v1/simulations/" + NO_SIMULATION, Set.of(Roles.RULES_ADMIN, Roles.ANALYST)),
                Arguments.of("GET", "/v1/simulations/" + NO_SIMULATION + "/changes",
                        Set.of(Roles.RULES_ADMIN, Roles.ANALYST)),
                Arguments.of("GET", "/prometheus", Set.of(Roles.OPERATOR)));
    }

    @ParameterizedTest(name = "{0} {1} without a key is 401")
    @MethodSource("endpoints")
    void withoutCredentialsIs401(String method, String path, Set<String> allowed) throws Exception {
        assertRefused(send(method, path, null), 401);
        assertRefused(send(method, path, "not-a-key"), 401);
    }

    @ParameterizedTest(name = "{0} {1} with another role is 403")
    @MethodSource("endpoints")
    void withTheWrongRoleIs403(String method, String path, Set<String> allowed) throws Exception {
        for (String role : ALL) {
            HttpResponse<String> response = send(method, path, keyOf(role));
            if (allowed.contains(role)) {
                assertNotEquals(401, response.statusCode(), role);
                assertNotEquals(403, response.statusCode(), role);
            } else {
                assertRefused(response, 403);
            }
        }
    }

    @Test
    void healthIsOpenToAnonymousCallers() throws Exception {
        assertEquals(200, send("GET", "/health", null).statusCode());
    }

    @Test
    void unknownPathIs404EvenWithoutAKey() throws Exception {
        assertEquals(404, send("GET", "/v1/nothing-here", null).statusCode());
    }

    private static void assertRefused(HttpResponse<String> response, int status) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith(Problem.CONTENT_TYPE),
                response.headers().toString());
        assertTrue(response.body().contains("\"status\":" + status), response.body());
        assertTrue(!response.body().contains("decisionId") && !response.body().contains("version\":\"sha"),
                "no resource content: " + response.body());
    }

    private HttpResponse<String> send(String method, String path, String key) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.getURI().resolve(path))
                .header("Content-Type", "application/json")
                .method(method, method.equals("POST") ? HttpRequest.BodyPublishers.ofString("{}")
                        : HttpRequest.BodyPublishers.noBody());
        if (key != null) {
            request.header("X-API-Key", key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String keyOf(String role) {
        return switch (role) {
            case Roles.ADVICE_CLIENT -> ApiKeyTestFilter.ADVICE_CLIENT;
            case Roles.AUDITOR -> ApiKeyTestFilter.AUDITOR;
            case Roles.RULES_ADMIN -> ApiKeyTestFilter.RULES_ADMIN;
            case Roles.ANALYST -> ApiKeyTestFilter.ANALYST;
            case Roles.OPERATOR -> ApiKeyTestFilter.OPERATOR;
            default -> throw new IllegalArgumentException(role);
        };
    }
}
