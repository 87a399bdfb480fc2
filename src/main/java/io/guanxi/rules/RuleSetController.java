package io.guanxi.rules;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/** Answers: which rules are deciding right now, and since when? */
@Controller("/v1/ruleset")
class RuleSetController {

    private static final DateTimeFormatter MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final RuleEngine engine;

    RuleSetController(RuleEngine engine) {
        this.engine = engine;
    }

    /** The live rule set's version, files and load time. */
    @Get(produces = MediaType.APPLICATION_JSON)
    RuleSetView live() {
        RuleSet live = engine.current();
        return new RuleSetView(live.version(), MILLIS.format(live.loadedAt()), live.ruleCount(),
                live.files().stream()
                        .map(f -> new RuleSetView.FileView(f.path(), f.content().length, sha256(f.content())))
                        .toList());
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
