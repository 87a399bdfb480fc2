package io.guanxi.rules.lifecycle;

import io.guanxi.platform.GuanxiConfiguration;
import io.guanxi.rules.ActionCatalogue;
import io.guanxi.rules.RuleSetSource;
import io.guanxi.rules.compile.RuleSetCompiler;
import io.guanxi.rules.engine.RuleSet;
import io.guanxi.rules.explain.TraceRenderer;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Any rule-set version that ever went live here, compiled: the live one as it runs, an older one
 * from its stored files (the version store keeps them for good). Reading an old decision's
 * explanation needs its own version's rules, never today's. The stored files must still hash to
 * the version they are stored under; a few compiled versions are kept (compiling takes a second or two).
 */
@Singleton
public class RuleSetArchive {

    private static final int KEPT = 4;
    private static final Logger LOG = LoggerFactory.getLogger(RuleSetArchive.class);

    private final LiveRuleSet engine;
    private final RuleSetVersionStore store;
    private final RuleSetCompiler compiler;
    private final String rulesDir;
    private final Map<String, TraceRenderer> renderers = new ConcurrentHashMap<>();
    private final Map<String, RuleSet> compiled = new LinkedHashMap<>(KEPT, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, RuleSet> eldest) {
            return size() > KEPT;
        }
    };

    RuleSetArchive(LiveRuleSet engine, RuleSetVersionStore store, GuanxiConfiguration config, Clock clock) {
        this.engine = engine;
        this.store = store;
        this.compiler = new RuleSetCompiler(clock);
        this.rulesDir = config.getRulesDir().toString();
    }

    /**
     * What renders the decisions of a version: its rule names, conditions and labels. Kept for every
     * version read (a few per deployment, small beside their compiled rules), so reading a log of
     * many versions compiles each once; a version that never went live here renders ids and codes only.
     */
    public TraceRenderer renderer(String version) {
        RuleSet live = engine.current();
        if (live.version().equals(version)) {
            return live.renderer();
        }
        return renderers.computeIfAbsent(version, this::compiledRenderer);
    }

    /** Every version that went live here whose rule {@code ruleId} is named {@code ruleName}. */
    public List<String> versionsNaming(String ruleId, String ruleName) {
        return store.activations().stream().map(RuleSetVersionStore.Activated::version).distinct()
                .filter(v -> renderer(v).ruleName(ruleId).equals(ruleName)).toList();
    }

    private TraceRenderer compiledRenderer(String version) {
        try {
            return version(version).renderer();
        } catch (UnknownRuleSetVersionException e) {
            LOG.warn("Reading decisions of rule set {}, which never went live here: without rule texts", version);
            return new TraceRenderer(Map.of(), ActionCatalogue.empty());
        }
    }

    /** The compiled rule set of a version that went live here; 404 ({@link UnknownRuleSetVersionException}) otherwise. */
    public RuleSet version(String version) {
        RuleSet live = engine.current();
        if (live.version().equals(version)) {
            return live;
        }
        synchronized (compiled) {
            RuleSet kept = compiled.get(version);
            if (kept == null) {
                kept = compile(version);
                compiled.put(version, kept);
            }
            return kept;
        }
    }

    private RuleSet compile(String version) {
        RuleSetSource source = store.find(rulesDir, version)
                .orElseThrow(() -> new UnknownRuleSetVersionException(version)).rules();
        if (!source.version().equals(version)) {
            throw new IllegalStateException("the files stored for rule set " + version + " hash to " + source.version()
                    + ": they were altered after the version went live");
        }
        return compiler.compile(source);
    }
}
