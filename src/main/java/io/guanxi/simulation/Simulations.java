package io.guanxi.simulation;

import io.guanxi.decisionlog.chain.ChainHead;
import io.guanxi.platform.UtcMillis;
import io.guanxi.rules.engine.RuleSet;
import io.guanxi.rules.lifecycle.LiveRuleSet;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs impact simulations in the background, one at a time (each keeps a core busy), and keeps their
 * reports: a request is checked and its candidate compiled before it is accepted, so a run that starts
 * has everything it needs. The progress of a running one is held here; everything else is stored.
 */
@Singleton
class Simulations {

    private static final Logger LOG = LoggerFactory.getLogger(Simulations.class);

    /** How far a run went: records looked at of those to look at, decisions replayed. */
    @Serdeable
    record Progress(long looked, long toLook, long replayed) {
    }

    private final Candidates candidates;
    private final LiveRuleSet live;
    private final SimulationStore store;
    private final JsonMapper json;
    private final Clock clock;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "simulation");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Progress> running = new ConcurrentHashMap<>();

    Simulations(Candidates candidates, LiveRuleSet live, SimulationStore store, JsonMapper json, Clock clock) {
        this.candidates = candidates;
        this.live = live;
        this.store = store;
        this.json = json;
        this.clock = clock;
    }

    /** Accepts a simulation and starts it in the background; its id. */
    String start(SimulationRequest request) {
        PopulationFilter filter = request.check();
        Candidates.Chosen candidate = candidates.choose(request);
        RuleSet baseline = live.current();
        FactsPopulation facts = request.facts() == null ? null : FactsPopulation.parse(request.facts(), baseline);
        String id = UUID.randomUUID().toString();
        Instant startedAt = clock.instant();
        store.started(id, candidate.ruleSet().version(), write(withoutFacts(request)), startedAt);
        running.put(id, new Progress(0, facts == null ? 0 : facts.size(), 0));
        executor.execute(() -> run(id, candidate, facts == null ? filter : null, facts, baseline, startedAt));
        return id;
    }

    /** The ids of the simulations running on this instance. */
    Set<String> runningHere() {
        return Set.copyOf(running.keySet());
    }

    /** The progress of a running simulation, or null when it is not running here. */
    Progress progress(String id) {
        return running.get(id);
    }

    private void run(String id, Candidates.Chosen candidate, PopulationFilter filter, FactsPopulation facts,
                     RuleSet baseline, Instant startedAt) {
        try (Connection log = store.connect(); Connection out = store.connect()) {
            ChangeWriter changes = new ChangeWriter(store, out, id, json);
            Replay replay = new Replay(candidate.ruleSet(), changes,
                    (looked, toLook, replayed) -> running.put(id, new Progress(looked, toLook, replayed)));
            ChainHead head = null;
            Tally tally;
            try (replay) {
                if (facts != null) {
                    facts.visit(replay);
                } else {
                    head = replayLog(log, filter, replay);
                }
                tally = replay.finish();
            }
            changes.flush();
            Instant finished = clock.instant();
            Report report = tally.report(new Report.RanAgainst(candidate.ruleSet().version(), candidate.kind(),
                    facts == null ? "log" : "facts", filter, head, facts == null ? null : baseline.version(),
                    UtcMillis.format(startedAt), UtcMillis.format(finished),
                    Duration.between(startedAt, finished).toMillis() / 1000.0));
            store.done(id, write(report), finished);
        } catch (SQLException | RuntimeException e) {
            LOG.error("Simulation {} failed", id, e);
            store.failed(id, String.valueOf(e.getMessage()), clock.instant());
        } finally {
            running.remove(id);
        }
    }

    /** Replays the log in one read-only transaction, so the walk sees one state of it; the head it began at. */
    private static ChainHead replayLog(Connection log, PopulationFilter filter, Replay replay) throws SQLException {
        log.setReadOnly(true);
        log.setAutoCommit(false);
        LoggedPopulation population = new LoggedPopulation(log, filter);
        population.visit(replay);
        log.rollback();
        return population.head();
    }

    private static SimulationRequest withoutFacts(SimulationRequest r) {
        return new SimulationRequest(r.version(), null, r.from(), r.to(), r.customerId(), r.tier(), r.rule(),
                r.transition(), r.facts() == null ? null : "(" + r.facts().lines().count() + " lines)");
    }

    String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
