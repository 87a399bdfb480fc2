package io.guanxi.simulation;

import io.guanxi.rules.engine.RuleSet;
import io.guanxi.rules.lifecycle.ImpactCheck;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The reload gate on impact, when configured: a candidate is refused if it would change the tier of
 * more than {@code guanxi.reload-gate.max-tier-change-percent} of the decisions logged in the last
 * {@code guanxi.reload-gate.period} (30 days unless set), reported like a failed scenario.
 */
@Singleton
@Requires(property = "guanxi.reload-gate.max-tier-change-percent")
class ImpactGate implements ImpactCheck {

    private final SimulationStore store;
    private final BigDecimal maxPercent;
    private final Duration period;
    private final Clock clock;

    ImpactGate(SimulationStore store, @Value("${guanxi.reload-gate.max-tier-change-percent}") BigDecimal maxPercent,
               @Value("${guanxi.reload-gate.period:30d}") Duration period, Clock clock) {
        this.store = store;
        this.maxPercent = maxPercent;
        this.period = period;
        this.clock = clock;
    }

    @Override
    public List<String> refusals(RuleSet candidate) {
        Report report = replay(candidate);
        List<Report.Cell> moved = report.matrices().get("tier").stream()
                .filter(c -> !c.before().equals(c.after())).toList();
        long changed = moved.stream().mapToLong(Report.Cell::count).sum();
        long replayed = report.counts().replayed();
        if (replayed == 0) {
            return List.of();
        }
        BigDecimal percent = BigDecimal.valueOf(changed * 100).divide(BigDecimal.valueOf(replayed), 2, RoundingMode.HALF_UP);
        if (percent.compareTo(maxPercent) <= 0) {
            return List.of();
        }
        return List.of("impact gate: " + changed + " of the " + replayed + " decisions of the last " + describe(period)
                + " (" + percent.toPlainString() + " %) would change tier, more than the "
                + maxPercent.toPlainString() + " % allowed ("
                + moved.stream().map(c -> c.before() + " -> " + c.after() + " " + c.count()).collect(Collectors.joining(", "))
                + "); see them with POST /v1/simulations");
    }

    private static String describe(Duration period) {
        return period.toSeconds() % 86_400 == 0 ? period.toDays() + " days" : period.toString();
    }

    private Report replay(RuleSet candidate) {
        PopulationFilter filter = PopulationFilter.of(clock.instant().minus(period), null, null, null, null, null);
        try (Connection log = store.connect(); Replay replay = new Replay(candidate, change -> { }, (a, b, c) -> { })) {
            log.setReadOnly(true);
            log.setAutoCommit(false);
            new LoggedPopulation(log, filter).visit(replay);
            log.rollback();
            return replay.finish().report(null);
        } catch (SQLException e) {
            throw new SimulationFailedException("the impact gate cannot read the decision log: " + e.getMessage(), e);
        }
    }
}
