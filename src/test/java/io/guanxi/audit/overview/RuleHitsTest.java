package io.guanxi.audit.overview;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.guanxi.testing.AuditDatabase;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A period's rule hits are counted from the bitmaps exactly, to the record: the first and last
 * blocks of the period's id range are masked to the records inside it. Checked on bitmaps written
 * for a rule of this test alone, far above any record id the other tests create.
 */
@MicronautTest(transactional = false)
class RuleHitsTest {

    private static final String RULE = "ZZ-MASK-TEST";
    private static final long BLOCK = 1_000_000_000L;
    private static final long FIRST = BLOCK * 64;

    @BeforeEach
    void threeFullBlocks() throws SQLException {
        try (Connection c = AuditDatabase.connect();
             PreparedStatement s = c.prepareStatement("INSERT INTO decision_rule_bitmap (rule_id, block, bits) VALUES (?, ?, ?)"
                     + " ON DUPLICATE KEY UPDATE bits = VALUES(bits)")) {
            for (long block = BLOCK; block < BLOCK + 3; block++) {
                s.setString(1, RULE);
                s.setLong(2, block);
                s.setString(3, Long.toUnsignedString(-1L));
                s.executeUpdate();
            }
        }
    }

    @AfterEach
    void removeThem() throws SQLException {
        try (Connection c = AuditDatabase.connect();
             PreparedStatement s = c.prepareStatement("DELETE FROM decision_rule_bitmap WHERE rule_id = ?")) {
            s.setString(1, RULE);
            s.executeUpdate();
        }
    }

    @Test
    void theEdgesOfThePeriodAreMaskedToItsRecords() throws SQLException {
        assertEquals(1, hits(FIRST + 5, FIRST + 5), "one record");
        assertEquals(64, hits(FIRST, FIRST + 63), "one whole block");
        assertEquals(1, hits(FIRST + 63, FIRST + 63), "the last bit of a block");
        assertEquals(2, hits(FIRST + 63, FIRST + 64), "across a block boundary");
        assertEquals(63 + 64 + 63, hits(FIRST + 1, FIRST + 64 * 2 + 62), "three blocks, both edges masked");
    }

    private static long hits(long lo, long hi) throws SQLException {
        try (Connection c = AuditDatabase.connect()) {
            Map<String, Long> hits = DecisionOverview.hitsBetween(c, lo, hi, 10);
            assertEquals(1, hits.size(), () -> "only the test's rule has bits there: " + hits);
            return hits.get(RULE);
        }
    }
}
