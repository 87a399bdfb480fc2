package io.guanxi.rules.api;

import io.guanxi.platform.UtcMillis;
import io.guanxi.rules.RuleFile;
import io.guanxi.rules.engine.RuleSet;
import io.guanxi.rules.lifecycle.Candidate;
import io.guanxi.rules.lifecycle.LiveRuleSet;
import io.guanxi.rules.lifecycle.RuleSetActivator;
import io.guanxi.rules.lifecycle.RuleSetVersionStore;
import jakarta.inject.Singleton;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns rule sets, failures and stored versions into their HTTP views. */
@Singleton
class RuleSetViews {


    RuleSetView live(LiveRuleSet.Current live, RuleSetActivator activator) {
        RuleSet rs = live.ruleSet();
        RuleSetActivator.Failure failure = activator.lastFailure();
        return new RuleSetView(rs.version(), time(live.since()), live.how(), rs.ruleCount(),
                rs.files().stream().map(f -> new RuleSetView.FileView(f.path(), f.content().length, sha256(f.content())))
                        .toList(),
                activator.warning(), failure == null ? null : failure(failure));
    }

    RuleSetView.Failures failures(List<RuleSetActivator.Failure> newestFirst) {
        return new RuleSetView.Failures(newestFirst.stream().map(RuleSetViews::failure).toList());
    }

    private static RuleSetView.FailureView failure(RuleSetActivator.Failure failure) {
        return new RuleSetView.FailureView(time(failure.at()), failure.how(), failure.version(), failure.errors());
    }

    RuleSetVersionsView versions(List<RuleSetVersionStore.Activated> newestFirst) {
        Map<String, List<RuleSetVersionsView.ActivationView>> byVersion = new LinkedHashMap<>();
        for (RuleSetVersionStore.Activated a : newestFirst) {
            byVersion.computeIfAbsent(a.version(), v -> new ArrayList<>())
                    .add(new RuleSetVersionsView.ActivationView(time(a.at()), a.how()));
        }
        List<RuleSetVersionsView.VersionView> versions = new ArrayList<>();
        byVersion.forEach((version, activations) -> versions.add(new RuleSetVersionsView.VersionView(version,
                activations.get(activations.size() - 1).at(), activations.get(0).at(), activations)));
        return new RuleSetVersionsView(versions);
    }

    RuleSetVersionsView.StoredFilesView files(Candidate stored) {
        return new RuleSetVersionsView.StoredFilesView(stored.version(), stored(stored.rules().files()),
                stored(stored.scenarios()));
    }

    private static List<RuleSetVersionsView.StoredFile> stored(List<RuleFile> files) {
        return files.stream().map(f -> {
            String text = utf8(f.content());
            return text != null
                    ? new RuleSetVersionsView.StoredFile(f.path(), "utf-8", text)
                    : new RuleSetVersionsView.StoredFile(f.path(), "base64", Base64.getEncoder().encodeToString(f.content()));
        }).toList();
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static String time(Instant at) {
        return UtcMillis.format(at);
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
