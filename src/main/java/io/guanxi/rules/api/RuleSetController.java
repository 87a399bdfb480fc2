package io.guanxi.rules.api;

import io.guanxi.platform.security.Roles;
import io.guanxi.platform.web.Problem;
import io.guanxi.platform.web.Problems;
import io.guanxi.rules.diff.RuleSetDiff;
import io.guanxi.rules.lifecycle.Activation;
import io.guanxi.rules.lifecycle.Candidate;
import io.guanxi.rules.lifecycle.LiveRuleSet;
import io.guanxi.rules.lifecycle.RuleSetActivator;
import io.guanxi.rules.lifecycle.RuleSetVersionStore;
import io.guanxi.rules.lifecycle.UnknownRuleSetVersionException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import java.util.ArrayList;
import java.util.List;

/** Answers: which rules decide right now, which ever did, and lets a rules admin reload or roll back. */
@Controller("/v1/ruleset")
@ExecuteOn(TaskExecutors.BLOCKING)
class RuleSetController {

    private static final String VERSION = "sha256:[0-9a-f]{64}";
    private static final int FAILURES_LISTED = 50;

    private final LiveRuleSet engine;
    private final RuleSetActivator activator;
    private final RuleSetVersionStore store;
    private final RuleSetViews views;

    RuleSetController(LiveRuleSet engine, RuleSetActivator activator, RuleSetVersionStore store, RuleSetViews views) {
        this.engine = engine;
        this.activator = activator;
        this.store = store;
        this.views = views;
    }

    /** The rollback target. */
    @Serdeable
    record RollbackRequest(@Nullable String version) {
    }

    /** The live rule set's version, files, load time, and the last attempt that did not go live. */
    @Secured({Roles.AUDITOR, Roles.RULES_ADMIN, Roles.ANALYST})
    @Get(produces = MediaType.APPLICATION_JSON)
    RuleSetView live() {
        return views.live(engine.live(), activator);
    }

    /** Compiles and tests the rules on disk and makes them live if they pass; a no-op when unchanged. */
    @Secured(Roles.RULES_ADMIN)
    @Post(uri = "/reload", produces = MediaType.APPLICATION_JSON)
    RuleSetView reload() {
        activator.reload(Activation.API);
        return live();
    }

    /** Makes a stored version live again (after it passes the gate) and writes its files to disk. */
    @Secured(Roles.RULES_ADMIN)
    @Post(uri = "/rollback", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> rollback(@Body @Nullable RollbackRequest request) {
        if (request == null || request.version() == null || !request.version().matches(VERSION)) {
            return Problems.invalid("the body must be {\"version\": \"sha256:<64 hex digits>\"}",
                    List.of(new Problem.FieldError("version", "must be a rule-set version: sha256: and 64 hex digits")));
        }
        activator.rollback(request.version());
        return HttpResponse.ok(live());
    }

    /** Every rule set that ever went live, with each time it did. */
    @Secured({Roles.AUDITOR, Roles.RULES_ADMIN, Roles.ANALYST})
    @Get(uri = "/versions", produces = MediaType.APPLICATION_JSON)
    RuleSetVersionsView versions() {
        return views.versions(store.activations());
    }

    /** The latest attempts that did not go live, newest first, each with every error the gate found. */
    @Secured({Roles.AUDITOR, Roles.RULES_ADMIN, Roles.ANALYST})
    @Get(uri = "/failures", produces = MediaType.APPLICATION_JSON)
    RuleSetView.Failures failures() {
        return views.failures(store.failures(FAILURES_LISTED));
    }

    /** What changed from one stored version to another, rule by rule and file by file. */
    @Secured({Roles.AUDITOR, Roles.RULES_ADMIN, Roles.ANALYST})
    @Get(uri = "/diff", produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> diff(@QueryValue @Nullable String from, @QueryValue @Nullable String to) {
        List<Problem.FieldError> errors = new ArrayList<>();
        versionParameter("from", from, errors);
        versionParameter("to", to, errors);
        if (!errors.isEmpty()) {
            return Problems.invalid(errors.size() + " parameter(s) of the diff are invalid", errors);
        }
        return HttpResponse.ok(RuleSetDiff.between(storedVersion(from), storedVersion(to)));
    }

    private static void versionParameter(String name, @Nullable String value, List<Problem.FieldError> errors) {
        if (value == null || !value.matches(VERSION)) {
            errors.add(new Problem.FieldError(name, "must be a rule-set version: sha256: and 64 hex digits"));
        }
    }

    private Candidate storedVersion(String version) {
        return activator.stored(version).orElseThrow(() -> new UnknownRuleSetVersionException(version));
    }

    /** The exact files of a version that went live, so an auditor can read the rules behind a decision. */
    @Secured({Roles.AUDITOR, Roles.RULES_ADMIN, Roles.ANALYST})
    @Get(uri = "/versions/{version}", produces = MediaType.APPLICATION_JSON)
    RuleSetVersionsView.StoredFilesView version(@PathVariable String version) {
        return views.files(storedVersion(version));
    }
}
