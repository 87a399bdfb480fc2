package io.guanxi.platform.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The zero-setup keys: on the first start without GUANXI_API_KEYS, one new key per role is made,
 * printed once, and only its hash is written to {@code <data dir>/api-keys.sha256}
 * ({@code <hex sha-256> ROLE} per line). Later starts read the hashes; a role the file has no key
 * for (one added by an upgrade, such as OPERATOR) gets a new key the same way, appended. A lost key
 * is replaced by deleting that file (all keys are then renewed) or by setting GUANXI_API_KEYS.
 */
public final class GeneratedApiKeys {

    public static final String FILE = "api-keys.sha256";
    private static final Logger LOG = LoggerFactory.getLogger(GeneratedApiKeys.class);

    private GeneratedApiKeys() {
    }

    static List<ApiKeys.Entry> loadOrCreate(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        try {
            List<ApiKeys.Entry> entries = Files.exists(file) ? load(file) : new ArrayList<>();
            Set<String> keyless = new TreeSet<>(Roles.ALL);
            entries.forEach(entry -> keyless.removeAll(entry.roles()));
            if (!keyless.isEmpty()) {
                entries.addAll(create(file, keyless));
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the API key hashes in " + file, e);
        }
    }

    private static List<ApiKeys.Entry> load(Path file) throws IOException {
        List<ApiKeys.Entry> entries = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            String[] parts = line.strip().split("\\s+");
            if (parts.length == 2 && Roles.ALL.contains(parts[1])) {
                entries.add(new ApiKeys.Entry(HexFormat.of().parseHex(parts[0]), Set.of(parts[1])));
            }
        }
        LOG.info("API keys: {} key hashes from {} (GUANXI_API_KEYS is not set)", entries.size(), file);
        return entries;
    }

    private static List<ApiKeys.Entry> create(Path file, Set<String> roles) throws IOException {
        SecureRandom random = new SecureRandom();
        List<ApiKeys.Entry> entries = new ArrayList<>();
        StringBuilder hashes = new StringBuilder();
        StringBuilder banner = new StringBuilder();
        for (String role : roles) {
            byte[] secret = new byte[24];
            random.nextBytes(secret);
            String key = "gx_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
            byte[] hash = ApiKeys.sha256(key);
            entries.add(new ApiKeys.Entry(hash, Set.of(role)));
            hashes.append(ApiKeys.hex(hash)).append(' ').append(role).append('\n');
            banner.append(String.format("%n    %-14s X-API-Key: %s", role, key));
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, hashes, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        restrict(file);
        LOG.warn("""

                ==== Guanxi API keys (shown once; only their hashes are kept in {}) ===={}
                ==== Set GUANXI_API_KEYS to use your own keys. ====""", file, banner);
        return entries;
    }

    private static void restrict(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            LOG.warn("Could not restrict the permissions of {}: {}", file, e.getMessage());
        }
    }
}
