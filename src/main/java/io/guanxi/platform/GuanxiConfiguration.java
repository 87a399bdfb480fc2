package io.guanxi.platform;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.nio.file.Path;

/** Where Guanxi finds its rules and keeps its data (GUANXI_RULES_DIR, GUANXI_DATA_DIR, GUANXI_WATCH_RULES). */
@ConfigurationProperties("guanxi")
public final class GuanxiConfiguration {

    /** Where data lives when GUANXI_DATA_DIR is not set. */
    public static final Path DEFAULT_DATA_DIR = Path.of("data");

    private Path rulesDir = Path.of("rules");
    private Path dataDir = DEFAULT_DATA_DIR;
    private boolean watchRules = true;

    public Path getRulesDir() {
        return rulesDir;
    }

    public void setRulesDir(Path rulesDir) {
        this.rulesDir = rulesDir;
    }

    public Path getDataDir() {
        return dataDir;
    }

    public void setDataDir(Path dataDir) {
        this.dataDir = dataDir;
    }

    /** Whether a saved change under the rules directory is reloaded by itself. */
    public boolean isWatchRules() {
        return watchRules;
    }

    public void setWatchRules(boolean watchRules) {
        this.watchRules = watchRules;
    }
}
