package io.guanxi.advice;

import io.guanxi.facts.input.AdviceRequestValidator;
import io.guanxi.platform.security.Roles;
import io.guanxi.platform.web.Problems;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import java.util.concurrent.CompletableFuture;

/** Answers the CRM front-end's question: what should we do with this customer now? */
@Controller("/v1")
// Nothing here blocks: the body is checked on the event loop, and the deciders answer the future.
class AdviceController {

    static final int MAX_BODY = 64 * 1024;

    private final AdviceDeciders deciders;
    private final DecisionMeters meters;

    AdviceController(AdviceDeciders deciders, DecisionMeters meters) {
        this.deciders = deciders;
        this.meters = meters;
    }

    /** Decides and logs the advice for one customer's facts (see api-spec/openapi.yaml). */
    @Secured(Roles.ADVICE_CLIENT)
    @Post(uri = "/advice", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    CompletableFuture<HttpResponse<?>> advise(HttpRequest<?> request, @Body @Nullable byte[] body) {
        if (request.getContentType().isEmpty()) {
            // Micronaut would take a body without a type; the contract wants it declared as JSON.
            return CompletableFuture.completedFuture(Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, Problems.NOT_JSON));
        }
        if (body != null && body.length > MAX_BODY) {
            // The server takes up to 1 MiB for a batch; one request is a few hundred bytes.
            return CompletableFuture.completedFuture(Problems.of(HttpStatus.REQUEST_ENTITY_TOO_LARGE,
                    "the request body is larger than the 64 KiB allowed"));
        }
        CompletableFuture<HttpResponse<?>> response = new CompletableFuture<>();
        try {
            deciders.advise(AdviceRequestValidator.validate(body)).whenComplete((answer, refusal) -> {
                try {
                    if (refusal == null) {
                        meters.answered();
                        response.complete(HttpResponse.ok(answer));
                    } else {
                        // As thrown (not wrapped), for the exception handlers to turn into its problem.
                        refused(response, refusal);
                    }
                } catch (RuntimeException | Error e) {
                    // Whatever went wrong here, the client is answered.
                    response.completeExceptionally(e);
                }
            });
        } catch (RuntimeException invalid) {
            refused(response, invalid);
        }
        return response;
    }

    private void refused(CompletableFuture<HttpResponse<?>> response, Throwable refusal) {
        if (refusal instanceof RuntimeException e) {
            meters.refused(e);
        }
        response.completeExceptionally(refusal);
    }
}
