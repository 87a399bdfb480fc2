package io.guanxi.simulation;

import io.guanxi.decisionlog.chain.ChainHead;
import io.guanxi.decisionlog.chain.ChainReader;
import io.guanxi.decisionlog.chain.DecisionInput;
import io.guanxi.decisionlog.chain.DecisionRecord;
import io.guanxi.facts.CooperationStage;
import io.guanxi.facts.CustomerFacts;
import io.guanxi.facts.StoredRelationship;
import io.guanxi.facts.input.CustomerFactsReader;
import io.guanxi.facts.input.InvalidRequestException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The logged decisions of a period, read through the audit chain in seq order up to the head noted
 * when the walk starts, and filtered here. Each is decided again on its logged input against the
 * state its customer had before it: the record's {@code previous_stage} and the purchase share of
 * the customer's previous record. A broken record is reported and never replayed.
 */
final class LoggedPopulation implements Population {

    /** Customers whose last share is remembered; one seen longer ago is looked up again (its record re-checked). */
    private static final int REMEMBERED = 100_000;

    private final Connection connection;
    private final PopulationFilter filter;
    private final Map<String, String> lastShares = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > REMEMBERED;
        }
    };
    private final LocalDateTime start;
    private final LocalDateTime end;
    private ChainHead head;

    /** Over a connection in a read-only transaction, so the walk sees one state of the log. */
    LoggedPopulation(Connection connection, PopulationFilter filter) {
        this.connection = connection;
        this.filter = filter;
        this.start = filter.start();
        this.end = filter.end();
    }

    /** The head of the chain when the walk began: what the simulation ran against. */
    ChainHead head() {
        return head;
    }

    @Override
    public void visit(Visitor visitor) {
        try {
            head = ChainHead.read(connection, false);
            long[] bounds = bounds();
            long first = bounds[0];
            long last = Math.min(bounds[1], head.seq());
            ChainReader.read(connection, first, last, read -> {
                visitor.progress(read.seq() - first + 1, last - first + 1);
                try {
                    look(read, visitor);
                } catch (InvalidRequestException | UncheckedIOException | IllegalStateException e) {
                    visitor.skipped(read.seq(), read.record().decisionId(), "its logged content cannot be read again: "
                            + e.getMessage());
                }
            });
        } catch (SQLException e) {
            throw new SimulationFailedException("cannot read the decision log: " + e.getMessage(), e);
        }
    }

    private void look(ChainReader.Read read, Visitor visitor) throws SQLException {
        DecisionRecord r = read.record();
        if (!read.intact()) {
            if (r == null || inPeriod(r)) {
                visitor.skipped(read.seq(), r == null ? null : r.decisionId(), read.broken());
            }
            if (r != null) {
                lastShares.remove(r.customerId());
            }
            return;
        }
        String previousShare = previousShare(r);
        CustomerFacts facts = CustomerFactsReader.read(r.inputJson().getBytes(StandardCharsets.UTF_8));
        lastShares.put(r.customerId(), DecisionInput.plain(facts.getPurchaseShare()));
        if (!inPeriod(r)) {
            return;
        }
        Outcome before = Outcome.logged(r);
        if (!filter.matches(r, before)) {
            return;
        }
        if (r.previousStage() != null && previousShare == null) {
            visitor.skipped(r.seq(), r.decisionId(), "its customer's previous decision is not intact in the log:"
                    + " the state it was judged against is unknown");
            return;
        }
        StoredRelationship stored = r.previousStage() == null ? StoredRelationship.none()
                : new StoredRelationship(CooperationStage.valueOf(r.previousStage()), new BigDecimal(previousShare));
        visitor.member(new Member(r.seq(), r.decisionId(), r.decidedAt(), r.rulesetVersion(), facts, stored, before));
    }

    /** Whether the record was decided in the period; a record outside it is not looked at further. */
    private boolean inPeriod(DecisionRecord r) {
        return (start == null || !r.decidedAt().isBefore(start)) && (end == null || r.decidedAt().isBefore(end));
    }

    /** The share the customer's state held before this record: its previous record's, as the state stored it. */
    private String previousShare(DecisionRecord r) throws SQLException {
        if (r.previousStage() == null) {
            return null;
        }
        String known = lastShares.get(r.customerId());
        if (known != null) {
            return known;
        }
        ChainReader.Read earlier = ChainReader.lastBefore(connection, r.customerId(), r.seq());
        if (earlier == null || !earlier.intact()) {
            return null;
        }
        byte[] input = earlier.record().inputJson().getBytes(StandardCharsets.UTF_8);
        return DecisionInput.plain(CustomerFactsReader.read(input).getPurchaseShare());
    }

    /**
     * The first and last seq decided in the period, found through the audit time index for the
     * records it reaches and in the chain's tail for the others (V9); the walk filters each record
     * itself.
     */
    private long[] bounds() throws SQLException {
        String period = (filter.from() == null ? "" : " AND %1$s >= ?") + (filter.to() == null ? "" : " AND %1$s < ?");
        String sql = "SELECT MIN(s), MAX(s) FROM (SELECT d.seq AS s FROM decision_index x"
                + " JOIN decision_record d ON d.id = x.record_id WHERE d.seq IS NOT NULL" + String.format(period, "x.decided_at")
                + " UNION ALL SELECT seq FROM decision_record WHERE seq > (SELECT seq FROM decision_indexer WHERE id = 1)"
                + String.format(period, "decided_at") + ") b";
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            int i = 1;
            for (int part = 0; part < 2; part++) {
                if (filter.from() != null) {
                    s.setObject(i++, filter.start());
                }
                if (filter.to() != null) {
                    s.setObject(i++, filter.end());
                }
            }
            try (ResultSet row = s.executeQuery()) {
                row.next();
                long first = row.getLong(1);
                return row.wasNull() ? new long[] {1, 0} : new long[] {first, row.getLong(2)};
            }
        }
    }
}
