package io.guanxi.rules;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** The live rule set as {@code GET /v1/ruleset} describes it. */
@Serdeable
public record RuleSetView(String version, String loadedAt, int ruleCount, List<FileView> files) {

    /** One rule file: its path under the rules directory, size and SHA-256 of its bytes. */
    @Serdeable
    public record FileView(String path, long size, String sha256) {
    }
}
