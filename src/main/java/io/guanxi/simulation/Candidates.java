package io.guanxi.simulation;

import io.guanxi.platform.GuanxiConfiguration;
import io.guanxi.rules.RuleFile;
import io.guanxi.rules.RuleSetSource;
import io.guanxi.rules.engine.RuleSet;
import io.guanxi.rules.lifecycle.Candidate;
import io.guanxi.rules.lifecycle.CandidateGate;
import io.guanxi.rules.lifecycle.LiveRuleSet;
import io.guanxi.rules.lifecycle.RuleSetArchive;
import io.guanxi.rules.scenario.ScenarioSuite;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;

/** Finds the rule set a simulation asks for: the live one, a stored version, or files checked like a reload. */
@Singleton
class Candidates {

    /** The compiled candidate and how it was given ({@code live}, {@code version}, {@code files}). */
    record Chosen(RuleSet ruleSet, String kind) {
    }

    private final LiveRuleSet live;
    private final RuleSetArchive archive;
    private final String rulesDir;
    private final Clock clock;

    Candidates(LiveRuleSet live, RuleSetArchive archive, GuanxiConfiguration config, Clock clock) {
        this.live = live;
        this.archive = archive;
        this.rulesDir = config.getRulesDir().toString();
        this.clock = clock;
    }

    Chosen choose(SimulationRequest request) {
        if (request.version() != null) {
            return new Chosen(archive.version(request.version()), "version");
        }
        if (request.files() != null) {
            return new Chosen(CandidateGate.check(fromFiles(rulesDir, request.files()), clock), "files");
        }
        return new Chosen(live.current(), "live");
    }

    /** The rule files and {@code tests/} scenarios sent, as a reload would read them from {@code rulesDir}. */
    static Candidate fromFiles(String rulesDir, List<SimulationRequest.CandidateFile> files) {
        List<RuleFile> all = files.stream().map(f -> new RuleFile(f.path(), f.content() != null
                ? f.content().getBytes(StandardCharsets.UTF_8) : Base64.getDecoder().decode(f.contentBase64()))).toList();
        List<RuleFile> rules = all.stream().filter(f -> RuleSetSource.isRuleFile(f.path())).toList();
        List<RuleFile> scenarios = all.stream().filter(f -> f.path().startsWith(ScenarioSuite.TESTS_DIR)).toList();
        return new Candidate(RuleSetSource.of(rulesDir, rules), scenarios);
    }
}
