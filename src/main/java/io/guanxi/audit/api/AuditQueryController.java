package io.guanxi.audit.api;

import io.guanxi.audit.AuditQueryParser;
import io.guanxi.audit.DecisionSearch;
import io.guanxi.audit.ExportFormat;
import io.guanxi.platform.security.Roles;
import io.guanxi.platform.web.Problem;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;

/**
 * Answers an auditor's questions over many decisions: which decisions of a customer, a period, a
 * tier, a transition or a fired rule were made, page by page or exported whole.
 */
@Controller("/v1/decisions")
// Database work blocks: keep it off the event loop.
@ExecuteOn(TaskExecutors.BLOCKING)
class AuditQueryController {

    private final DecisionSearch log;

    AuditQueryController(DecisionSearch log) {
        this.log = log;
    }

    /** A page of matching decisions in the order they were stored, and the cursor of the next page. */
    @Secured(Roles.AUDITOR)
    @Get(produces = MediaType.APPLICATION_JSON)
    HttpResponse<String> decisions(HttpRequest<?> request) {
        return HttpResponse.ok(log.page(AuditQueryParser.page(request.getParameters())))
                .contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    /** Every matching decision, streamed as JSON lines or CSV, however many there are. */
    @Secured(Roles.AUDITOR)
    @Get(uri = "/export", produces = {ExportFormat.JSONL_TYPE, ExportFormat.CSV_TYPE, Problem.CONTENT_TYPE})
    HttpResponse<StreamedFile> export(HttpRequest<?> request) {
        return HttpResponse.ok(log.export(AuditQueryParser.export(request.getParameters())));
    }
}
