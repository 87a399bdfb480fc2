package io.guanxi.console;

import io.micronaut.core.io.ResourceResolver;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The console's page at {@code /console} and {@code /console/}, where people type it; its other files
 * are static resources under {@code /console/} (see application.yml). The page holds no data.
 */
@Controller("/console")
class ConsoleController {

    /**
     * The page runs only its own scripts and talks only to this service; no other site may frame it
     * (its buttons roll rule sets back). Inline style attributes are allowed: the charts size their bars with them.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; connect-src 'self';"
            + " style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none';"
            + " form-action 'none'";

    private final byte[] page;

    ConsoleController(ResourceResolver resources) {
        try (InputStream in = resources.getResourceAsStream("classpath:console/index.html")
                .orElseThrow(() -> new IllegalStateException("console/index.html is missing from the classpath"))) {
            this.page = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The console's single page. */
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Get(produces = MediaType.TEXT_HTML)
    HttpResponse<byte[]> console() {
        return HttpResponse.ok(page).header("Cache-Control", "no-cache")
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("X-Frame-Options", "DENY")
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer");
    }
}
