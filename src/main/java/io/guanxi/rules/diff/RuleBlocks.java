package io.guanxi.rules.diff;

import io.guanxi.rules.DrlText;
import io.guanxi.rules.RuleFile;
import io.guanxi.rules.compile.DecisionTable;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules of a rule set's files, each as the text an analyst wrote (a DRL file) or the DRL a
 * decision table generates, by rule name: what two versions are compared on, rule by rule.
 */
final class RuleBlocks {

    /** One rule: the file it is in and its text from {@code rule} to {@code end}. */
    record Block(String name, String file, String text) {
    }

    /** A rule's head, as the compiler reads it: its name is the literal whose quote group 1 is, or the bare word of group 2. */
    private static final Pattern HEAD = Pattern.compile("(?m)^[ \\t]*rule\\s+(?:([\"'])|([^\\s\"']+))");
    /** The line that closes a rule. */
    private static final Pattern END = Pattern.compile("(?m)^[ \\t]*end[ \\t]*;?[ \\t]*$");

    private RuleBlocks() {
    }

    /**
     * Every rule of the files by its id (the first word of its name, which stays when its prose is
     * reworded), in file order; a table that does not translate contributes none.
     */
    static Map<String, Block> of(Iterable<RuleFile> files) {
        Map<String, Block> blocks = new LinkedHashMap<>();
        for (RuleFile file : files) {
            String drl = drlOf(file);
            if (drl != null) {
                read(file.path(), drl, blocks);
            }
        }
        return blocks;
    }

    private static String drlOf(RuleFile file) {
        if (file.isDrl()) {
            return new String(file.content(), StandardCharsets.UTF_8);
        }
        return file.isDecisionTable() ? DecisionTable.translate(file.path(), file).drl() : null;
    }

    private static void read(String path, String drl, Map<String, Block> blocks) {
        // Comments and string literals blanked, so a "rule" or "end" inside either is not taken for one.
        DrlText text = DrlText.of(drl);
        String code = text.code();
        Matcher head = HEAD.matcher(code);
        int from = 0;
        while (head.find(from)) {
            Matcher end = END.matcher(code);
            int stop = end.find(head.end()) ? end.end() : code.length();
            String name = head.group(1) != null ? text.literalAt(head.start(1)) : head.group(2);
            blocks.put(idOf(name), new Block(name, path, drl.substring(head.start(), stop).strip()));
            from = stop;
        }
    }

    /** A rule's id, the first word of its name (the whole name when it is one word). */
    static String idOf(String name) {
        String stripped = name.strip();
        int space = stripped.indexOf(' ');
        return space < 0 ? stripped : stripped.substring(0, space);
    }
}
