package io.guanxi.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guanxi.platform.GuanxiConfiguration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** API keys: configured with roles, or generated once; only hashes are ever kept. */
class ApiKeysTest {

    @TempDir
    Path dataDir;

    private ApiKeys keys(String configured) {
        GuanxiConfiguration configuration = new GuanxiConfiguration();
        configuration.setDataDir(dataDir);
        return new ApiKeys(configured, configuration);
    }

    @Test
    void configuredKeyHoldsItsRolesAndUnknownKeysNone() {
        ApiKeys keys = keys("k1=AUDITOR+RULES_ADMIN; k2=ADVICE_CLIENT");

        assertEquals(Optional.of(Set.of(Roles.AUDITOR, Roles.RULES_ADMIN)), keys.rolesOf("k1"));
        assertEquals(Optional.of(Set.of(Roles.ADVICE_CLIENT)), keys.rolesOf("k2"));
        assertTrue(keys.rolesOf("k3").isEmpty());
        assertTrue(keys.rolesOf("K1").isEmpty(), "keys are case-sensitive");
    }

    @Test
    void unknownRoleOrMalformedEntryStopsTheStartWithoutShowingTheKey() {
        IllegalStateException role = assertThrows(IllegalStateException.class, () -> keys("secret1=ADMIN"));
        IllegalStateException shape = assertThrows(IllegalStateException.class, () -> keys("secret2"));

        assertTrue(role.getMessage().contains("ADMIN") && !role.getMessage().contains("secret1"));
        assertFalse(shape.getMessage().contains("secret2"));
    }

    @Test
    void firstStartWithoutKeysGeneratesOnePerRoleAndKeepsOnlyHashes() throws IOException {
        keys(null);
        Path file = dataDir.resolve(GeneratedApiKeys.FILE);
        List<String> lines = Files.readAllLines(file);

        assertEquals(Roles.ALL.size(), lines.size());
        for (String line : lines) {
            assertTrue(line.matches("[0-9a-f]{64} (ADVICE_CLIENT|AUDITOR|RULES_ADMIN|ANALYST|OPERATOR)"), line);
        }
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        keys("");
        assertEquals(lines, Files.readAllLines(file), "a later start reuses the hashes");
    }

    @Test
    void aRoleAddedByAnUpgradeGetsItsOwnKeyAndTheOthersAreKept() throws IOException {
        Path file = dataDir.resolve(GeneratedApiKeys.FILE);
        List<String> before = List.of(ApiKeys.hex(ApiKeys.sha256("old-client")) + " ADVICE_CLIENT",
                ApiKeys.hex(ApiKeys.sha256("old-auditor")) + " AUDITOR",
                ApiKeys.hex(ApiKeys.sha256("old-admin")) + " RULES_ADMIN");
        Files.write(file, before);

        ApiKeys keys = keys(null);
        List<String> after = Files.readAllLines(file);

        assertEquals(before, after.subList(0, 3), "the keys in use still work");
        assertEquals(Optional.of(Set.of(Roles.AUDITOR)), keys.rolesOf("old-auditor"));
        assertEquals(5, after.size());
        assertTrue(after.get(3).matches("[0-9a-f]{64} ANALYST"), after.get(3));
        assertTrue(after.get(4).matches("[0-9a-f]{64} OPERATOR"), after.get(4));
    }
}
