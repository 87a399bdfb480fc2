package io.guanxi.decisionlog;

import io.guanxi.system.Problem;
import io.guanxi.system.Problems;
import io.guanxi.system.Roles;
import io.micronaut.security.annotation.Secured;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.transaction.TransactionOperations;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Answers an auditor's questions: is the decision log intact, and where does it end now? */
@Controller("/v1/audit")
// Database work blocks: keep it off the event loop.
@ExecuteOn(TaskExecutors.BLOCKING)
class AuditController {

    private final TransactionOperations<Connection> transactions;
    private final DecisionStore store;

    AuditController(TransactionOperations<Connection> transactions, DecisionStore store) {
        this.transactions = transactions;
        this.store = store;
    }

    /** The chain's head (seq, hash) to note outside the system, and how many decisions were refused. */
    @Secured(Roles.AUDITOR)
    @Get(uri = "/head", produces = MediaType.APPLICATION_JSON)
    LogStatus head() {
        return store.status();
    }

    /** Walks the stored chain over {@code from..to} (default: all of it) and reports the first break. */
    @Secured(Roles.AUDITOR)
    @Get(uri = "/verify", produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> verify(@QueryValue @Nullable Long from, @QueryValue @Nullable Long to) {
        long start = from == null ? 1 : from;
        List<Problem.FieldError> errors = new ArrayList<>();
        if (start < 1) {
            errors.add(new Problem.FieldError("from", "must be at least 1"));
        }
        if (to != null && to < start) {
            errors.add(new Problem.FieldError("to", "must be at least from (" + start + ")"));
        }
        if (!errors.isEmpty()) {
            return Problems.invalid("from must be at least 1 and to at least from", errors);
        }
        return HttpResponse.ok(transactions.executeRead(status -> {
            try {
                return ChainVerifier.verify(status.getConnection(), start, to);
            } catch (SQLException e) {
                throw new DecisionLogUnavailableException("cannot read the decision log", e);
            }
        }));
    }
}
