package io.guanxi.rules.compile;

import io.guanxi.rules.ActionCatalogue;
import io.guanxi.rules.DrlText;
import io.guanxi.rules.RuleFile;
import io.guanxi.rules.RuleId;
import io.guanxi.rules.RuleSetException;
import io.guanxi.rules.RuleSetSource;
import io.guanxi.rules.engine.RuleSet;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.compiler.kie.builder.impl.DrlProject;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compiles the files of a rule set into an executable {@link RuleSet}, or rejects it with every
 * error found, each pointing at the analyst's file and line.
 */
public final class RuleSetCompiler {

    private static final Logger LOG = LoggerFactory.getLogger(RuleSetCompiler.class);
    /** Where the files go inside the in-memory KIE project; their package is {@code guanxi}. */
    private static final String RESOURCE_ROOT = "src/main/resources/guanxi/";
    private static final Pattern PROPOSE = Pattern.compile("Actions\\.propose\\(([^;]*?)\\)\\s*;", Pattern.DOTALL);
    /** A rule's head: its name is the literal whose quote group 1 starts at, or the bare word of group 2. */
    private static final Pattern RULE = Pattern.compile("(?m)^[ \\t]*rule\\s+(?:([\"'])|([^\\s\"']+))");
    private static final AtomicLong BUILDS = new AtomicLong();
    /** The suffix of the DRL generated from a decision table inside the in-memory KIE project. */
    private static final String GENERATED = ".generated.drl";

    private final Clock clock;

    public RuleSetCompiler(Clock clock) {
        this.clock = clock;
    }

    public RuleSet compile(RuleSetSource source) {
        List<String> errors = new ArrayList<>();
        ActionCatalogue catalogue = catalogue(source, errors);
        KieServices kie = KieServices.get();
        ReleaseId releaseId = kie.newReleaseId("io.guanxi", "ruleset", "1.0." + BUILDS.incrementAndGet());
        KieFileSystem kfs = kie.newKieFileSystem().generateAndWritePomXML(releaseId);
        Map<String, DecisionTable> tables = new HashMap<>();
        Map<String, String> ruleIds = new HashMap<>();
        for (RuleFile file : source.files()) {
            String path = source.displayPath(file.path());
            if (file.isDrl()) {
                DrlText drl = DrlText.of(new String(file.content(), StandardCharsets.UTF_8));
                kfs.write(RESOURCE_ROOT + file.path(), ExactDecimals.rewrite(drl));
                BiFunction<Integer, String, String> at = (line, text) -> path + ":" + line + ": " + text;
                checkProposedActions(drl, catalogue, at, errors);
                checkRuleIds(drl, at, ruleIds, errors);
            } else if (file.isDecisionTable()) {
                DecisionTable table = DecisionTable.translate(path, file);
                errors.addAll(table.errors());
                if (table.drl() != null) {
                    // Drools compiles the DRL generated from the table; its messages come back through the table.
                    kfs.write(RESOURCE_ROOT + file.path() + GENERATED, table.drl());
                    tables.put(file.path() + GENERATED, table);
                    DrlText generated = DrlText.of(table.drl());
                    checkProposedActions(generated, catalogue, table::describe, errors);
                    checkRuleIds(generated, table::describe, ruleIds, errors);
                }
            }
        }
        KieBuilder builder = kie.newKieBuilder(kfs).buildAll(DrlProject.class);
        for (Message message : builder.getResults().getMessages()) {
            String line = describe(source, tables, message);
            if (message.getLevel() == Message.Level.ERROR) {
                errors.add(line);
            } else {
                LOG.warn("rule set {}: {}", source.version(), line);
            }
        }
        try {
            if (!errors.isEmpty()) {
                throw new RuleSetException(errors);
            }
            KieBase kieBase = kie.newKieContainer(releaseId).getKieBase();
            return new RuleSet(source, kieBase, catalogue, clock.instant());
        } finally {
            // Every build would otherwise stay in the JVM-wide repository for good.
            kie.getRepository().removeKieModule(releaseId);
        }
    }

    private static ActionCatalogue catalogue(RuleSetSource source, List<String> errors) {
        return source.files().stream()
                .filter(RuleFile::isActionCatalogue)
                .findFirst()
                .map(f -> ActionCatalogue.parse(source.displayPath(f.path()), f.content(), errors))
                .orElseGet(() -> {
                    errors.add(source.displayPath(ActionCatalogue.FILE_NAME) + ": the action catalogue is missing");
                    return ActionCatalogue.empty();
                });
    }

    /** An action a rule proposes must be in the catalogue: caught here, not on a customer's request. */
    private static void checkProposedActions(DrlText drl, ActionCatalogue catalogue, BiFunction<Integer, String, String> at,
            List<String> errors) {
        Set<String> known = Set.copyOf(catalogue.codes());
        Matcher call = PROPOSE.matcher(drl.code());
        while (call.find()) {
            for (int quote = call.start(1); quote < call.end(1); quote++) {
                String code = drl.literalAt(quote);
                if (code != null && !known.contains(code)) {
                    errors.add(at.apply(drl.lineOf(quote), "action " + code + " is not in " + ActionCatalogue.FILE_NAME));
                }
            }
        }
    }

    /**
     * The first word of a rule's name is its stable id, by which decisions are logged, explained and
     * queried: two rules with one id would make those ambiguous.
     */
    private static void checkRuleIds(DrlText drl, BiFunction<Integer, String, String> at, Map<String, String> seen,
            List<String> errors) {
        Matcher rule = RULE.matcher(drl.code());
        while (rule.find()) {
            String name = rule.group(1) != null ? drl.literalAt(rule.start(1)) : rule.group(2);
            // Where this rule is, as errors say it ("path:line"), without a message.
            int line = drl.lineOf(rule.start());
            String here = at.apply(line, "").replaceFirst(":\\s*$", "");
            RuleId id;
            try {
                id = RuleId.ofRuleName(name);
            } catch (IllegalArgumentException e) {
                errors.add(at.apply(line, e.getMessage() + " (the decision log indexes decisions by it)"));
                continue;
            }
            String first = seen.putIfAbsent(id.toString(), here);
            if (first != null) {
                errors.add(at.apply(line, "rule id " + id + " is already used at " + first
                        + " (the first word of a rule's name is its id, and ids must be unique)"));
            }
        }
    }

    /** Drools appends its own parser's failure and stack trace ("… Exception: java.lang… Stack trace: …"): not the analyst's business. */
    private static String withoutTrace(String text) {
        int at = text.indexOf(". Exception: ");
        return at < 0 ? text : text.substring(0, at);
    }

    private static String describe(RuleSetSource source, Map<String, DecisionTable> tables, Message message) {
        String relative = message.getPath() == null ? null
                : message.getPath().replaceFirst("^(src/main/resources/)?guanxi/", "");
        String text = message.getText() == null ? "" : withoutTrace(message.getText()).strip().replaceAll("\\s*\\n\\s*", " | ");
        if (tables.containsKey(relative)) {
            return tables.get(relative).describe(message.getLine(), text);
        }
        String path = relative == null ? source.directory() : source.displayPath(relative);
        StringBuilder where = new StringBuilder(path);
        if (message.getLine() > 0) {
            where.append(':').append(message.getLine());
            if (message.getColumn() > 0) {
                where.append(':').append(message.getColumn());
            }
        }
        return where + ": " + text;
    }

}
