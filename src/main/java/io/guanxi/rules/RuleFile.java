package io.guanxi.rules;

/**
 * One file of a rule set: its path relative to the rules directory (POSIX separators) and its
 * exact bytes, as hashed into the rule-set version.
 */
public record RuleFile(String path, byte[] content) {

    public boolean isDrl() {
        return path.endsWith(".drl");
    }

    public boolean isDecisionTable() {
        return path.endsWith(".drl.xlsx") || path.endsWith(".drl.xls") || path.endsWith(".drl.csv");
    }

    public boolean isActionCatalogue() {
        return path.equals(ActionCatalogue.FILE_NAME);
    }
}
