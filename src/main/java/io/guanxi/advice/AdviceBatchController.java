package io.guanxi.advice;

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
import java.util.List;
import java.util.Map;

/** Answers a CRM front-end's nightly question: what should we do with each of these customers now? */
@Controller("/v1/advice")
@ExecuteOn(TaskExecutors.BLOCKING)
class AdviceBatchController {

    private final AdviceBatch batch;

    AdviceBatchController(AdviceBatch batch) {
        this.batch = batch;
    }

    /** Decides and logs up to 1,000 advice requests; one result per item, in order (see api-spec/openapi.yaml). */
    @Secured(Roles.ADVICE_CLIENT)
    @Post(uri = "/batch", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> adviseAll(HttpRequest<?> request, @Body @Nullable byte[] body) {
        if (request.getContentType().isEmpty()) {
            return Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, Problems.NOT_JSON);
        }
        List<Object> results = batch.decide(AdviceBatchReader.items(body));
        return HttpResponse.ok(Map.of("results", results));
    }
}
