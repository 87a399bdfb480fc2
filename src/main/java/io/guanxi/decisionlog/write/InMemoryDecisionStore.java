package io.guanxi.decisionlog.write;

import io.guanxi.customer.CustomerState;
import io.guanxi.customer.StateChange;
import io.guanxi.decisionlog.AppendResult;
import io.guanxi.decisionlog.Decision;
import io.guanxi.decisionlog.DecisionStore;
import io.guanxi.decisionlog.LogStatus;
import io.guanxi.decisionlog.chain.ChainEncoding;
import io.guanxi.decisionlog.chain.ChainHead;
import io.guanxi.decisionlog.chain.DecisionRecord;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * BENCHMARK ONLY: keeps records (still hash-chained) and state in memory and loses them on exit,
 * so that the cost of the database log can be measured against the same service without it.
 * Switched on only by GUANXI_BENCHMARK_IN_MEMORY=true; every response then carries
 * {@code X-Guanxi-Benchmark-Mode: in-memory}.
 */
@Context
@Requires(property = "guanxi.benchmark-in-memory", value = "true")
final class InMemoryDecisionStore implements DecisionStore {

    private static final Logger LOG = LoggerFactory.getLogger(InMemoryDecisionStore.class);

    private final Map<String, DecisionRecord> byRequestId = new ConcurrentHashMap<>();
    private final Map<String, CustomerState> states = new ConcurrentHashMap<>();
    private ChainHead head = new ChainHead(0, ChainEncoding.GENESIS);

    InMemoryDecisionStore() {
        LOG.warn("*** BENCHMARK-ONLY MODE (GUANXI_BENCHMARK_IN_MEMORY=true): decisions and customer state are"
                + " kept in memory and NOT logged to the database; they are lost on exit. Never run this in"
                + " production. ***");
    }

    @Override
    public Snapshot read(String customerId, @Nullable String requestId) {
        Optional<DecisionRecord> earlier = Optional.ofNullable(requestId == null ? null : byRequestId.get(requestId));
        return new Snapshot(earlier, Optional.ofNullable(states.get(customerId)));
    }

    @Override
    public AppendResult append(Decision decided) {
        return append(PendingDecision.of(decided));
    }

    private synchronized AppendResult append(PendingDecision decision) {
        StateChange change = decision.state();
        CustomerState current = states.get(change.customerId());
        if (!Objects.equals(current == null ? null : current.version(), change.expectedVersion())) {
            return AppendResult.STATE_MOVED;
        }
        String requestId = decision.record().requestId();
        if (requestId != null && byRequestId.containsKey(requestId)) {
            return AppendResult.REQUEST_ID_TAKEN;
        }
        DecisionRecord sealed = decision.record().sealed(head.seq() + 1, head.seq() + 1, head.hash());
        head = head.next(sealed);
        if (requestId != null) {
            byRequestId.put(requestId, sealed);
        }
        long version = change.expectedVersion() == null ? 0 : change.expectedVersion() + 1;
        states.put(change.customerId(), new CustomerState(change.customerId(), change.cooperationStage(),
                change.lastShare(), change.lastDecisionId(), version, change.updatedAt()));
        return AppendResult.COMMITTED;
    }

    @Override
    public synchronized LogStatus status() {
        return new LogStatus(head.seq(), head.hash(), 0, "in-memory", 0, head.seq());
    }
}
