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
import io.micronaut.core.annotation.Nullable;
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
 * the customer's previous record. A broken record is reported and never replayed. The walk checks
 * each record's hash and link and hands it over; its input and trace are parsed where it is decided
 * ({@link Entry#read}), so that the one thread reading the log is not the one parsing it.
 */
final class LoggedPopulation implements Population {

    /** Customers whose last input is remembered; one seen longer ago is looked up again (its record re-checked). */
    private static final int REMEMBERED = 100_000;

    private final Connection connection;
    private final PopulationFilter filter;
    private final Map<String, String> lastInputs = new LinkedHashMap<>(1024, 0.75f, true) {
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
                look(read, visitor);
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
                lastInputs.remove(r.customerId());
            }
            return;
        }
        if (inPeriod(r) && filter.matchesColumns(r)) {
            visitor.member(new Logged(r, previousInput(r)));
        }
        lastInputs.put(r.customerId(), r.inputJson());
    }

    /** Whether the record was decided in the period; a record outside it is not looked at further. */
    private boolean inPeriod(DecisionRecord r) {
        return (start == null || !r.decidedAt().isBefore(start)) && (end == null || r.decidedAt().isBefore(end));
    }

    /**
     * The logged input of the customer's previous record, whose share the customer's state held
     * before this record; null when the record is a first decision or that record is not intact.
     */
    private @Nullable String previousInput(DecisionRecord r) throws SQLException {
        if (r.previousStage() == null) {
            return null;
        }
        String known = lastInputs.get(r.customerId());
        if (known != null) {
            return known;
        }
        ChainReader.Read earlier = ChainReader.lastBefore(connection, r.customerId(), r.seq());
        return earlier == null || !earlier.intact() ? null : earlier.record().inputJson();
    }

    /** A logged record in the period, read where it is decided. */
    private final class Logged implements Entry {

        private final DecisionRecord r;
        private final String previousInput;

        Logged(DecisionRecord r, @Nullable String previousInput) {
            this.r = r;
            this.previousInput = previousInput;
        }

        @Override
        public long seq() {
            return r.seq();
        }

        @Override
        public String decisionId() {
            return r.decisionId();
        }

        @Override
        public @Nullable Member read() throws Unreadable {
            CustomerFacts facts;
            Outcome before;
            try {
                facts = facts(r.inputJson());
                before = Outcome.logged(r);
            } catch (InvalidRequestException | UncheckedIOException | IllegalStateException e) {
                throw new Unreadable("its logged content cannot be read again: " + e.getMessage());
            }
            if (!filter.matchesRule(before)) {
                return null;
            }
            StoredRelationship stored = StoredRelationship.none();
            if (r.previousStage() != null) {
                if (previousInput == null) {
                    throw new Unreadable("its customer's previous decision is not intact in the log:"
                            + " the state it was judged against is unknown");
                }
                BigDecimal share;
                try {
                    share = new BigDecimal(DecisionInput.plain(facts(previousInput).getPurchaseShare()));
                } catch (InvalidRequestException | UncheckedIOException | IllegalStateException e) {
                    throw new Unreadable("its customer's previous decision cannot be read again: " + e.getMessage());
                }
                stored = new StoredRelationship(CooperationStage.valueOf(r.previousStage()), share);
            }
            return new Member(r.seq(), r.decisionId(), r.decidedAt(), r.rulesetVersion(), facts, stored, before);
        }

        private static CustomerFacts facts(String inputJson) {
            return CustomerFactsReader.read(inputJson.getBytes(StandardCharsets.UTF_8));
        }
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
