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
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;

/** Answers the CRM front-end's question: what should we do with this customer now? */
@Controller("/v1")
// Database work blocks: keep it off the event loop.
@ExecuteOn(TaskExecutors.BLOCKING)
class AdviceController {

    static final int MAX_BODY = 64 * 1024;

    private final AdviceService service;
    private final DecisionMeters meters;

    AdviceController(AdviceService service, DecisionMeters meters) {
        this.service = service;
        this.meters = meters;
    }

    /** Decides and logs the advice for one customer's facts (see api-spec/openapi.yaml). */
    @Secured(Roles.ADVICE_CLIENT)
    @Post(uri = "/advice", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> advise(HttpRequest<?> request, @Body @Nullable byte[] body) {
        if (request.getContentType().isEmpty()) {
            // Micronaut would take a body without a type; the contract wants it declared as JSON.
            return Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, Problems.NOT_JSON);
        }
        if (body != null && body.length > MAX_BODY) {
            // The server takes up to 1 MiB for a batch; one request is a few hundred bytes.
            return Problems.of(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "the request body is larger than the 64 KiB allowed");
        }
        AdviceResponse answer;
        try {
            answer = service.advise(AdviceRequestValidator.validate(body));
        } catch (RuntimeException refusal) {
            meters.refused(refusal);
            throw refusal;
        }
        meters.answered();
        return HttpResponse.ok(answer);
    }
}
