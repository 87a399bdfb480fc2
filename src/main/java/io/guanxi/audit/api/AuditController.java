package io.guanxi.audit.api;

import io.guanxi.audit.VerifyRequest;
import io.guanxi.audit.index.DecisionIndexer;
import io.guanxi.audit.index.IndexPosition;
import io.guanxi.decisionlog.DecisionStore;
import io.guanxi.decisionlog.chain.Verification;
import io.guanxi.platform.security.Roles;
import io.guanxi.platform.web.DatabaseUnavailableException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.transaction.TransactionOperations;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/** Answers an auditor's questions: is the decision log intact, and where does it end now? */
@Controller("/v1/audit")
// Database work blocks: keep it off the event loop.
@ExecuteOn(TaskExecutors.BLOCKING)
class AuditController {

    private final TransactionOperations<Connection> transactions;
    private final DecisionStore store;
    private final Optional<DecisionIndexer> indexer;

    AuditController(TransactionOperations<Connection> transactions, DecisionStore store,
                    Optional<DecisionIndexer> indexer) {
        this.transactions = transactions;
        this.store = store;
        this.indexer = indexer;
    }

    /**
     * The chain's head (seq, hash) to note outside the system, how many decisions were refused, and
     * how far the audit indexes follow the chain.
     */
    @Secured(Roles.AUDITOR)
    @Get(uri = "/head", produces = MediaType.APPLICATION_JSON)
    AuditHead head() {
        // The position first: read after the head, it could pass it.
        IndexPosition position;
        try {
            position = indexer.isPresent() ? indexer.get().position() : null;
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("cannot read the audit indexer's position", e);
        }
        return AuditHead.of(store.status(), position);
    }

    /**
     * Walks the stored chain over {@code from..to} (default: all of it), or from a head noted earlier
     * ({@code since=SEQ:HASH}) up to the current head, and reports every break, the first {@code limit} listed.
     */
    @Secured(Roles.AUDITOR)
    @Get(uri = "/verify", produces = MediaType.APPLICATION_JSON)
    Verification verify(@QueryValue @Nullable String from, @QueryValue @Nullable String to,
                        @QueryValue @Nullable String since, @QueryValue @Nullable String limit) {
        VerifyRequest request = VerifyRequest.parse(from, to, since, limit);
        return transactions.executeRead(status -> {
            try {
                return request.run(status.getConnection());
            } catch (SQLException e) {
                throw new DatabaseUnavailableException("cannot read the decision log to verify it", e);
            }
        });
    }
}
