package io.guanxi.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import org.junit.jupiter.api.Test;

/**
 * The console's files are served without a key and hold no data; its page may not be framed by
 * another site nor run another's scripts; nothing but GET and HEAD reaches its files. Plain HTTP,
 * so these hold on a machine without a browser too.
 */
@MicronautTest(transactional = false)
class ConsolePageTest {

    @Inject
    EmbeddedServer server;
    @Inject
    @Client("/")
    HttpClient client;

    private final java.net.http.HttpClient plain = java.net.http.HttpClient.newHttpClient();

    @Test
    void thePageAndItsFilesNeedNoKeyAndThePageCannotBeFramedOrInjected() throws Exception {
        for (String path : new String[] {"/console", "/console/"}) {
            java.net.http.HttpResponse<String> page = get(path);
            assertEquals(200, page.statusCode(), path);
            assertTrue(page.body().contains("<script type=\"module\" src=\"/console/js/app.js\">"), path);
            String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(csp.contains("frame-ancestors 'none'") && csp.contains("script-src 'self'"), csp);
            assertEquals("DENY", page.headers().firstValue("X-Frame-Options").orElse(""));
        }
        java.net.http.HttpResponse<String> script = get("/console/js/app.js");
        assertEquals(200, script.statusCode());
        assertTrue(script.headers().firstValue("Content-Type").orElse("").contains("javascript"),
                "a module script must be served as JavaScript or the browser refuses it");
        assertEquals(404, get("/console/js/missing.js").statusCode());
    }

    @Test
    void onlyGetAndHeadReachTheConsolesFiles() throws Exception {
        for (String method : new String[] {"POST", "PUT", "DELETE", "PATCH"}) {
            java.net.http.HttpResponse<String> reply = plain.send(HttpRequest.newBuilder(uri("/console/js/app.js"))
                    .method(method, HttpRequest.BodyPublishers.noBody()).header("X-API-Key", "test-all-roles").build(),
                    BodyHandlers.ofString());
            assertEquals(405, reply.statusCode(), method);
            assertTrue(reply.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), method);
        }
        HttpResponse<?> head = client.toBlocking().exchange(io.micronaut.http.HttpRequest.HEAD("/console/console.css"));
        assertEquals(200, head.getStatus().getCode());
    }

    private java.net.http.HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return plain.send(HttpRequest.newBuilder(uri(path)).GET().build(), BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create(server.getURL() + path);
    }
}
