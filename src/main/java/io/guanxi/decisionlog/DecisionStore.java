package io.guanxi.decisionlog;

import io.guanxi.customer.CustomerState;
import io.guanxi.decisionlog.chain.DecisionRecord;
import io.micronaut.core.annotation.Nullable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Where decisions and customer state live: the MariaDB audit chain, or memory in the benchmark-only mode. */
public interface DecisionStore {

    /**
     * The most decisions one commit of the log takes; a longer queue is written in several commits.
     * Callers that hand decisions over in groups size them by it: batch advice a whole commit, single
     * advice half of one, so that two deciders' groups share a commit.
     */
    int LARGEST_COMMIT = 128;

    /** What a decision is judged against: an earlier decision with the same requestId, and the stored state. */
    record Snapshot(Optional<DecisionRecord> earlier, Optional<CustomerState> state) {
    }

    Snapshot read(String customerId, @Nullable String requestId);

    /**
     * Logs the decision as its record and the customer's new state, and returns once both are
     * committed, or nothing of them is; throws {@link DecisionLogUnavailableException} when the log
     * cannot be written.
     */
    AppendResult append(Decision decision);

    /**
     * The stored states of several customers, in the order asked, for decisions without a requestId:
     * what {@link #read} gives each of them, in one round trip where the store can.
     */
    default List<Optional<CustomerState>> readStates(List<String> customerIds) {
        return customerIds.stream().map(id -> read(id, null).state()).toList();
    }

    /**
     * Logs several decisions of different customers, as {@link #append} logs one, sharing commits
     * where the store can. Returns once every decision is committed or refused: each future is
     * complete, with its result or with the {@link DecisionLogUnavailableException} that refused it.
     */
    default List<CompletableFuture<AppendResult>> appendAll(List<Decision> decisions) {
        List<CompletableFuture<AppendResult>> results = new ArrayList<>(decisions.size());
        for (Decision decision : decisions) {
            try {
                results.add(CompletableFuture.completedFuture(append(decision)));
            } catch (DecisionLogUnavailableException e) {
                results.add(CompletableFuture.failedFuture(e));
            }
        }
        return results;
    }

    LogStatus status();
}
