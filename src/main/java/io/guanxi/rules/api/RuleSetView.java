package io.guanxi.rules.api;

import io.guanxi.rules.lifecycle.Activation;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * The live rule set as {@code GET /v1/ruleset} describes it: which version decides now, since
 * when and how it went live, its files, and the last attempt that did not go live.
 *
 * @param warning why the live set is not the one on disk (start-up fell back), else null
 */
@Serdeable
public record RuleSetView(
        String version,
        String loadedAt,
        Activation how,
        int ruleCount,
        List<FileView> files,
        @Nullable String warning,
        @Nullable FailureView lastFailure) {

    /** One rule file: its path under the rules directory, size and SHA-256 of its bytes. */
    @Serdeable
    public record FileView(String path, long size, String sha256) {
    }

    /** The attempts that did not go live, newest first, as {@code GET /v1/ruleset/failures} lists them. */
    @Serdeable
    public record Failures(List<FailureView> failures) {
    }

    /** An attempt that did not go live: when, how, which version (null if it never got one) and why. */
    @Serdeable
    public record FailureView(String attemptedAt, Activation how, @Nullable String version, List<String> errors) {
    }
}
