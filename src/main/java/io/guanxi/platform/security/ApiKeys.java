package io.guanxi.platform.security;

import io.guanxi.platform.GuanxiConfiguration;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The API keys that may call Guanxi and their roles. Only SHA-256 hashes of the keys are kept, and
 * a presented key is compared against every hash in constant time. Keys come from GUANXI_API_KEYS
 * ({@code key1=ROLE[+ROLE…];key2=ROLE…}); without it, the first start generates one key per role
 * and keeps their hashes under the data directory ({@link GeneratedApiKeys}).
 */
// Eager: a first start prints its generated keys at start-up, not on the first request.
@Context
class ApiKeys {

    /** One key, by its hash, and the roles it holds. */
    record Entry(byte[] hash, Set<String> roles) {
    }

    private final List<Entry> entries;

    ApiKeys(@Nullable @Value("${guanxi.api-keys:}") String configured, GuanxiConfiguration configuration) {
        this.entries = configured == null || configured.isBlank()
                ? GeneratedApiKeys.loadOrCreate(configuration.getDataDir())
                : parse(configured);
    }

    /** The roles of a presented key, or empty for an unknown one. Takes the same time either way. */
    public Optional<Set<String>> rolesOf(String presentedKey) {
        byte[] presented = sha256(presentedKey);
        Set<String> found = null;
        for (Entry entry : entries) {
            if (MessageDigest.isEqual(entry.hash(), presented) && found == null) {
                found = entry.roles();
            }
        }
        return Optional.ofNullable(found);
    }

    static List<Entry> parse(String configured) {
        List<Entry> parsed = new ArrayList<>();
        for (String item : configured.split(";")) {
            if (item.isBlank()) {
                continue;
            }
            int eq = item.indexOf('=');
            if (eq <= 0 || eq == item.length() - 1) {
                throw new IllegalStateException("GUANXI_API_KEYS: expected key=ROLE[+ROLE…] but got an entry of "
                        + item.length() + " characters without one (the key itself is not shown)");
            }
            parsed.add(new Entry(sha256(item.substring(0, eq).strip()), roles(item.substring(eq + 1))));
        }
        return parsed;
    }

    private static Set<String> roles(String spec) {
        Set<String> roles = new LinkedHashSet<>(Arrays.asList(spec.strip().split("\\+")));
        for (String role : roles) {
            if (!Roles.ALL.contains(role)) {
                throw new IllegalStateException("GUANXI_API_KEYS: unknown role '" + role + "'; roles are " + Roles.ALL);
            }
        }
        return Set.copyOf(roles);
    }

    static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hex(byte[] hash) {
        return HexFormat.of().formatHex(hash);
    }
}
