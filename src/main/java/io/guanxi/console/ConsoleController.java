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
        return HttpResponse.ok(page).header("Cache-Control", "no-cache");
    }
}
