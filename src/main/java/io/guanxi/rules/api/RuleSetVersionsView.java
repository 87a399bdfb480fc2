package io.guanxi.rules.api;

import io.guanxi.rules.lifecycle.Activation;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** The rule sets that ever went live, newest activation first, as {@code GET /v1/ruleset/versions} lists them. */
@Serdeable
public record RuleSetVersionsView(List<VersionView> versions) {

    /** One version: when it went live first and last, and every activation. */
    @Serdeable
    public record VersionView(String version, String firstLiveAt, String lastLiveAt, List<ActivationView> activations) {
    }

    /** One time a version went live, and how. */
    @Serdeable
    public record ActivationView(String at, Activation how) {
    }

    /**
     * The exact files of one stored version and the scenarios that gated its latest activation.
     * {@code content} is UTF-8 text, or base64 when {@code encoding} says so (spreadsheets).
     */
    @Serdeable
    public record StoredFilesView(String version, List<StoredFile> files, List<StoredFile> scenarios) {
    }

    /** One stored file. */
    @Serdeable
    public record StoredFile(String path, String encoding, String content) {
    }
}
