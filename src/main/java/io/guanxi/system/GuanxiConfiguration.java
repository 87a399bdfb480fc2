package io.guanxi.system;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.nio.file.Path;

/** Where Guanxi finds its rules and keeps its data (GUANXI_RULES_DIR, GUANXI_DATA_DIR). */
@ConfigurationProperties("guanxi")
public final class GuanxiConfiguration {

    private Path rulesDir = Path.of("rules");
    private Path dataDir = Path.of("data");

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
}
