package io.guanxi.experiment;

import io.guanxi.decisionlog.chain.DecisionRecord;
import io.guanxi.decisionlog.chain.DecisionRecordRepository;
import io.guanxi.simulation.Outcome;
import io.guanxi.simulation.Report;
import io.guanxi.simulation.ShadowComparison;
import io.micronaut.data.model.Pageable;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/** Builds an experiment's report from its records in the decision log, a page at a time. */
@Singleton
class ExperimentReports {

    private static final int PAGE = 1000;
    private static final String NEXT = "SELECT r.experiment_arm, r.cooperation_stage, n.cooperation_stage, COUNT(*) "
            + "FROM decision_record r JOIN decision_record n ON n.id = (SELECT MIN(x.id) FROM decision_record x "
            + "WHERE x.customer_id = r.customer_id AND x.id > r.id) WHERE r.experiment_id = ? GROUP BY 1, 2, 3";

    private final DecisionRecordRepository records;
    private final TransactionOperations<Connection> transactions;
    private final JsonMapper json;
    private final Clock clock;

    ExperimentReports(DecisionRecordRepository records, TransactionOperations<Connection> transactions,
                      JsonMapper json, Clock clock) {
        this.records = records;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
    }

    ExperimentReport report(Experiment e) {
        Map<String, ArmTally> arms = new LinkedHashMap<>();
        Map<String, Long> championVersions = new TreeMap<>();
        ShadowComparison shadow = new ShadowComparison(e.challengerVersion(), clock.instant());
        forEachRecord(e.id(), r -> {
            arms.computeIfAbsent(r.experimentArm(), ArmTally::new).add(Outcome.logged(r));
            if (!Arms.CHALLENGER.equals(r.experimentArm())) {
                championVersions.merge(r.rulesetVersion(), 1L, Long::sum);
            }
            compare(shadow, r);
        });
        Map<String, ExperimentReport.Next> next = next(e.id());
        List<ExperimentReport.Arm> armReports = arms.entrySet().stream().map(a -> a.getValue()
                .arm(next.getOrDefault(a.getKey(), new ExperimentReport.Next(0, List.of())))).toList();
        Report compared = shadow.report(clock.instant());
        Double agreement = ShadowComparison.agreement(compared);
        return new ExperimentReport(e, armReports, championVersions.entrySet().stream()
                .map(v -> new ExperimentReport.VersionCount(v.getKey(), v.getValue())).toList(), compared, agreement);
    }

    /** The experiment's records in the order they were stored, a page at a time: memory does not grow with them. */
    private void forEachRecord(long experimentId, Consumer<DecisionRecord> visit) {
        long after = 0;
        List<DecisionRecord> page;
        do {
            page = records.findByExperimentIdAndIdGreaterThanOrderById(experimentId, after, Pageable.from(0, PAGE));
            page.forEach(visit);
            after = page.isEmpty() ? after : page.get(page.size() - 1).id();
        } while (page.size() == PAGE);
    }

    private void compare(ShadowComparison shadow, DecisionRecord r) {
        if (r.shadowJson() == null) {
            return;
        }
        ShadowResult result = read(r.shadowJson());
        if (result.outcome() == null) {
            shadow.skipped(r, "the challenger could not decide: " + result.error());
        } else {
            shadow.add(r, result.outcome());
        }
    }

    /** Per arm, the cooperation stage of each decision against that of the customer's following decision. */
    private Map<String, ExperimentReport.Next> next(long experimentId) {
        Map<String, List<ExperimentReport.Move>> moves = new TreeMap<>();
        transactions.executeRead(status -> {
            try (PreparedStatement s = status.getConnection().prepareStatement(NEXT)) {
                s.setLong(1, experimentId);
                try (ResultSet row = s.executeQuery()) {
                    while (row.next()) {
                        moves.computeIfAbsent(row.getString(1), k -> new ArrayList<>()).add(new ExperimentReport.Move(
                                row.getString(2), row.getString(3), row.getLong(4)));
                    }
                }
            }
            return null;
        });
        Map<String, ExperimentReport.Next> next = new TreeMap<>();
        moves.forEach((arm, list) -> next.put(arm, new ExperimentReport.Next(
                list.stream().mapToLong(ExperimentReport.Move::count).sum(), list)));
        return next;
    }

    private ShadowResult read(String shadowJson) {
        try {
            return json.readValue(shadowJson, ShadowResult.class);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored shadow result is not readable", e);
        }
    }
}
