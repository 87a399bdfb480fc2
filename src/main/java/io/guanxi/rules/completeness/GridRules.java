package io.guanxi.rules.completeness;

import io.guanxi.rules.DrlText;
import io.guanxi.rules.RuleFile;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules a question depends on, read from the rule files as they are now: the rules that
 * conclude its answer, the rules that conclude what those read, and so on. Their conditions tell
 * which facts the question reads and which thresholds it compares them with.
 */
final class GridRules {

    private static final Pattern RULE = Pattern.compile(
            "\\brule\\s+\\S.*?\\bwhen\\b(.*?)\\bthen\\b(.*?)\\bend\\b", Pattern.DOTALL);
    private static final Pattern READS = Pattern.compile("\\b([A-Z]\\w*)\\s*\\(");
    private static final Pattern INSERTS = Pattern.compile("\\bnew\\s+([A-Z]\\w*)\\s*\\(");

    /** One rule: the text of its conditions, the types they match and the types it inserts. */
    private record Rule(String conditions, Set<String> reads, Set<String> inserts) {
    }

    private final List<Rule> rules = new ArrayList<>();

    private GridRules() {
    }

    static GridRules of(List<RuleFile> files) {
        GridRules parsed = new GridRules();
        for (RuleFile file : files) {
            if (file.isDrl()) {
                String drl = DrlText.of(new String(file.content(), StandardCharsets.UTF_8)).code();
                Matcher m = RULE.matcher(drl);
                while (m.find()) {
                    parsed.rules.add(new Rule(m.group(1), names(READS, m.group(1)), names(INSERTS, m.group(2))));
                }
            }
        }
        return parsed;
    }

    /** The conditions of every rule the given conclusion depends on, directly or through other conclusions. */
    List<String> conditionsBehind(Class<?> conclusion) {
        Set<String> wanted = new HashSet<>(Set.of(conclusion.getSimpleName()));
        Set<Rule> behind = new HashSet<>();
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Rule rule : rules) {
                if (!behind.contains(rule) && rule.inserts().stream().anyMatch(wanted::contains)) {
                    behind.add(rule);
                    wanted.addAll(rule.reads());
                    grew = true;
                }
            }
        }
        return rules.stream().filter(behind::contains).map(Rule::conditions).toList();
    }

    private static Set<String> names(Pattern pattern, String text) {
        Set<String> names = new HashSet<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
