package io.guanxi.rules.diff;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import io.guanxi.rules.RuleFile;
import io.guanxi.rules.lifecycle.Candidate;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * What changed from one rule-set version to another, rule by rule (a rule keeps its id across
 * versions, so a moved or reworded rule shows as one change, not as lines in two files), and file
 * by file (imports, the action catalogue, the scenarios). Each change carries a unified line diff.
 *
 * @param rules          the rules added, removed or changed, in the order of the newer version's files
 * @param unchangedRules how many rules are the same in both
 * @param files          every file of either version (rule files and scenarios), with how it changed
 */
@Serdeable
public record RuleSetDiff(String from, String to, List<RuleChange> rules, int unchangedRules, List<FileChange> files) {

    /** How a rule or a file differs between the two versions. */
    public enum Change { ADDED, REMOVED, CHANGED, UNCHANGED }

    /** One rule that differs: its id (the first word of its name), full name, file in the newer version, and diff. */
    @Serdeable
    public record RuleChange(String rule, String name, String file, Change change, List<String> diff) {
    }

    /** One file: how it changed, and its unified diff when it is text and changed (null otherwise). */
    @Serdeable
    public record FileChange(String path, Change change, @Nullable List<String> diff) {
    }

    private static final int CONTEXT = 3;

    /** Compares two stored versions. */
    public static RuleSetDiff between(Candidate from, Candidate to) {
        Map<String, RuleBlocks.Block> before = RuleBlocks.of(from.rules().files());
        Map<String, RuleBlocks.Block> after = RuleBlocks.of(to.rules().files());
        List<RuleChange> rules = rules(before, after);
        return new RuleSetDiff(from.version(), to.version(), rules,
                (int) after.keySet().stream().filter(before::containsKey).count()
                        - (int) rules.stream().filter(r -> r.change() == Change.CHANGED).count(),
                files(allFiles(from), allFiles(to)));
    }

    private static List<RuleChange> rules(Map<String, RuleBlocks.Block> before, Map<String, RuleBlocks.Block> after) {
        Map<String, RuleChange> changes = new LinkedHashMap<>();
        after.forEach((id, block) -> {
            RuleBlocks.Block old = before.get(id);
            if (old == null || !old.text().equals(block.text())) {
                changes.put(id, new RuleChange(id, block.name(), block.file(), old == null ? Change.ADDED : Change.CHANGED,
                        diff(old == null ? "" : old.text(), block.text(), block.name())));
            }
        });
        before.forEach((id, block) -> {
            if (!after.containsKey(id)) {
                changes.put(id, new RuleChange(id, block.name(), block.file(), Change.REMOVED,
                        diff(block.text(), "", block.name())));
            }
        });
        return List.copyOf(changes.values());
    }

    private static Map<String, RuleFile> allFiles(Candidate version) {
        Map<String, RuleFile> files = new LinkedHashMap<>();
        Stream.concat(version.rules().files().stream(), version.scenarios().stream()).forEach(f -> files.put(f.path(), f));
        return files;
    }

    private static List<FileChange> files(Map<String, RuleFile> before, Map<String, RuleFile> after) {
        List<FileChange> files = new ArrayList<>();
        for (String path : union(before, after)) {
            RuleFile old = before.get(path);
            RuleFile now = after.get(path);
            Change change = old == null ? Change.ADDED : now == null ? Change.REMOVED
                    : Arrays.equals(old.content(), now.content()) ? Change.UNCHANGED : Change.CHANGED;
            String oldText = old == null ? "" : text(old);
            String newText = now == null ? "" : text(now);
            boolean showable = change != Change.UNCHANGED && oldText != null && newText != null;
            files.add(new FileChange(path, change, showable ? diff(oldText, newText, path) : null));
        }
        return files;
    }

    private static TreeSet<String> union(Map<String, RuleFile> before, Map<String, RuleFile> after) {
        TreeSet<String> paths = new TreeSet<>(before.keySet());
        paths.addAll(after.keySet());
        return paths;
    }

    /** A unified diff without its two header lines: hunks of {@code @@}, context ({@code ' '}), {@code -} and {@code +} lines. */
    private static List<String> diff(String before, String after, String name) {
        List<String> a = before.isEmpty() ? List.of() : before.lines().toList();
        List<String> b = after.isEmpty() ? List.of() : after.lines().toList();
        List<String> unified = UnifiedDiffUtils.generateUnifiedDiff(name, name, a, DiffUtils.diff(a, b), CONTEXT);
        return unified.size() <= 2 ? List.of() : unified.subList(2, unified.size());
    }

    /** The file as UTF-8 text, or null when it is not (a spreadsheet). */
    private static String text(RuleFile file) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(file.content())).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
