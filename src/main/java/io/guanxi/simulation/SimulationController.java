package io.guanxi.simulation;

import io.guanxi.platform.security.Roles;
import io.guanxi.platform.web.Problem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import java.net.URI;
import java.util.List;

/** Answers an analyst's question before a rule change goes live: what would it do to our customers' decisions? */
@Controller("/v1/simulations")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({Roles.RULES_ADMIN, Roles.ANALYST})
class SimulationController {

    private final Simulations simulations;
    private final SimulationReader reader;

    SimulationController(Simulations simulations, SimulationReader reader) {
        this.simulations = simulations;
        this.reader = reader;
    }

    /** Starts replaying a candidate rule set over logged decisions or a facts file; 202 with its id. */
    @Post(consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    HttpResponse<SimulationView.Accepted> start(@Body SimulationRequest request) {
        String id = simulations.start(request);
        String location = "/v1/simulations/" + id;
        return HttpResponse.accepted(URI.create(location)).body(new SimulationView.Accepted(id, "RUNNING", location));
    }

    /** The latest simulations, newest first, each with what it replayed and where its report is. */
    @Get(produces = MediaType.APPLICATION_JSON)
    SimulationView.Listing simulations() {
        return reader.recent();
    }

    /** A simulation's progress while it runs, its report when done. */
    @Get(uri = "/{id}", produces = MediaType.APPLICATION_JSON)
    SimulationView simulation(@PathVariable String id) {
        return reader.view(id);
    }

    /** The decisions a simulation would change, a page at a time, or all of them as JSON lines or CSV. */
    @Get(uri = "/{id}/changes", produces = {MediaType.APPLICATION_JSON, SimulationReader.JSONL, SimulationReader.CSV,
            Problem.CONTENT_TYPE})
    HttpResponse<?> changes(@PathVariable String id, @QueryValue @Nullable String cursor,
                            @QueryValue @Nullable String limit, @QueryValue @Nullable String format) {
        if (format != null) {
            StreamedFile file = reader.export(id, format, cursor != null || limit != null);
            return HttpResponse.ok(file);
        }
        return HttpResponse.ok(reader.page(id, cursor, limit)).contentType(MediaType.APPLICATION_JSON_TYPE);
    }
}
