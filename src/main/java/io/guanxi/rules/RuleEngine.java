package io.guanxi.rules;

import io.guanxi.facts.Advice;
import io.guanxi.facts.CustomerFacts;
import io.guanxi.facts.StoredRelationship;
import io.guanxi.system.GuanxiConfiguration;
import io.micronaut.context.annotation.Context;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live rule set: loaded from the rules directory when the service starts (a broken file stops
 * the start with every error, by file and line), and evaluated for each decision.
 */
@Context
public class RuleEngine {

    private static final Logger LOG = LoggerFactory.getLogger(RuleEngine.class);

    private final AtomicReference<RuleSet> live = new AtomicReference<>();

    RuleEngine(GuanxiConfiguration configuration, Clock clock) {
        RuleSetSource source = RuleSetSource.read(configuration.getRulesDir());
        try {
            RuleSet ruleSet = new RuleSetCompiler(clock).compile(source);
            live.set(ruleSet);
            LOG.info("Rule set {} live: {} rules from {} files in {}", ruleSet.version(), ruleSet.ruleCount(),
                    ruleSet.files().size(), configuration.getRulesDir());
        } catch (RuleSetException e) {
            LOG.error("The rules in {} do not compile; the service cannot start:\n  {}",
                    configuration.getRulesDir(), String.join("\n  ", e.errors()));
            throw e;
        }
    }

    public RuleSet current() {
        return live.get();
    }

    /** Evaluates wholly on the rule set live when called; the advice names that version. */
    public Advice evaluate(CustomerFacts facts, StoredRelationship stored) {
        return live.get().evaluate(facts, stored);
    }
}
