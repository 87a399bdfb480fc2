package io.guanxi.decisionlog;

import io.guanxi.customer.CustomerState;
import io.guanxi.decisionlog.chain.DecisionRecord;
import io.micronaut.core.annotation.Nullable;
import java.util.Optional;

/** Where decisions and customer state live: the MariaDB audit chain, or memory in the benchmark-only mode. */
public interface DecisionStore {

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

    LogStatus status();
}
