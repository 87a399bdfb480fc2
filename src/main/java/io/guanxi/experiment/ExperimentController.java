package io.guanxi.experiment;

import io.guanxi.platform.security.Roles;
import io.guanxi.platform.web.Problem;
import io.guanxi.platform.web.Problems;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import java.net.URI;
import java.util.List;
import java.util.function.Supplier;

/** Answers: how does a candidate rule set behave on live customers, in shadow or on a share of them. */
@Controller("/v1/experiments")
@ExecuteOn(TaskExecutors.BLOCKING)
class ExperimentController {

    private final ExperimentService service;
    private final ExperimentReports reports;

    ExperimentController(ExperimentService service, ExperimentReports reports) {
        this.service = service;
        this.reports = reports;
    }

    /** Every experiment, newest first. */
    @Serdeable
    record Experiments(List<Experiment> experiments) {
    }

    /** Starts an experiment with a stored version as challenger; 409 while another runs. */
    @Secured(Roles.RULES_ADMIN)
    @Post(consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> start(@Body @Nullable ExperimentRequest request, Authentication who) {
        if (request == null) {
            return Problems.invalid("the body must be {\"challenger\": ..., \"mode\": ..., \"sharePercent\": ...}",
                    List.of(new Problem.FieldError("", "a JSON object is required")));
        }
        List<Problem.FieldError> errors = request.errors();
        if (!errors.isEmpty()) {
            return Problems.invalid("the experiment is not valid", errors);
        }
        return answer(() -> {
            Experiment e = service.start(request, who.getName());
            return HttpResponse.created(e, URI.create("/v1/experiments/" + e.id()));
        });
    }

    /** Every experiment, newest first. */
    @Secured({Roles.RULES_ADMIN, Roles.ANALYST, Roles.AUDITOR})
    @Get(produces = MediaType.APPLICATION_JSON)
    Experiments all() {
        return new Experiments(service.all());
    }

    /** One experiment with its decisions per arm. */
    @Secured({Roles.RULES_ADMIN, Roles.ANALYST, Roles.AUDITOR})
    @Get(uri = "/{id}", produces = MediaType.APPLICATION_JSON)
    Experiment one(@PathVariable long id) {
        return service.get(id);
    }

    /** Stops a running experiment; every instance follows within a second. */
    @Secured(Roles.RULES_ADMIN)
    @Post(uri = "/{id}/stop", produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> stop(@PathVariable long id, Authentication who) {
        return answer(() -> HttpResponse.ok(service.stop(id, who.getName())));
    }

    /** Makes the challenger live (a versioned activation, undone by rollback) and ends the experiment. */
    @Secured(Roles.RULES_ADMIN)
    @Post(uri = "/{id}/promote", produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> promote(@PathVariable long id, Authentication who) {
        return answer(() -> HttpResponse.ok(service.promote(id, who.getName())));
    }

    /** Per arm: outputs, actions and what happened next; in shadow mode, champion against challenger. */
    @Secured({Roles.RULES_ADMIN, Roles.ANALYST, Roles.AUDITOR})
    @Get(uri = "/{id}/report", produces = MediaType.APPLICATION_JSON)
    ExperimentReport report(@PathVariable long id) {
        return reports.report(service.get(id));
    }

    /** A conflict's problem is titled with the experiment it is about. */
    private static HttpResponse<?> answer(Supplier<HttpResponse<?>> action) {
        try {
            return action.get();
        } catch (ExperimentProblems.Conflict e) {
            Problem p = Problems.problem(e);
            return Problems.response(new Problem(p.type(), e.title(), HttpStatus.CONFLICT.getCode(), p.detail(), null));
        }
    }
}
