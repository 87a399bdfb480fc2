package io.guanxi.audit.overview;

import io.guanxi.facts.input.InvalidRequestException;
import io.guanxi.platform.security.Roles;
import io.guanxi.platform.web.DatabaseUnavailableException;
import io.guanxi.platform.web.Problem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import java.sql.SQLException;
import java.util.List;

/** Answers a relationship manager's question: what have our decisions looked like lately? */
@Controller("/v1/audit/overview")
@ExecuteOn(TaskExecutors.BLOCKING)
class OverviewController {

    static final int DEFAULT_DAYS = 30;
    static final int MAX_DAYS = 366;

    private final DecisionOverview overview;

    OverviewController(DecisionOverview overview) {
        this.overview = overview;
    }

    /** Decisions per UTC day by tier and by stage, the transitions and the most fired rules of the last {@code days} days. */
    @Secured({Roles.AUDITOR, Roles.ANALYST, Roles.RULES_ADMIN})
    @Get(produces = MediaType.APPLICATION_JSON)
    OverviewView overview(@QueryValue @Nullable String days) {
        try {
            return overview.lastDays(days(days));
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("cannot count the decisions of the overview", e);
        }
    }

    private static int days(@Nullable String days) {
        if (days == null) {
            return DEFAULT_DAYS;
        }
        if (!days.matches("[1-9]\\d{0,2}") || Integer.parseInt(days) > MAX_DAYS) {
            throw new InvalidRequestException("the days parameter is invalid",
                    List.of(new Problem.FieldError("days", "must be a whole number of days from 1 to " + MAX_DAYS)));
        }
        return Integer.parseInt(days);
    }
}
