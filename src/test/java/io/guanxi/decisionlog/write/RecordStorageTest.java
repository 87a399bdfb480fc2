package io.guanxi.decisionlog.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guanxi.testing.AuditDatabase;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.sql.Connection;
import org.junit.jupiter.api.Test;

/**
 * How the log is stored (V15): compressed by the page, which is what keeps a decision near a
 * kilobyte on disk (load/disk.sh), and not by the value as well, which would leave the pages
 * nothing to compress.
 */
@MicronautTest(transactional = false)
class RecordStorageTest {

    @Test
    void theDecisionLogIsCompressedByThePageAndItsTraceIsNotCompressedAgain() throws Exception {
        try (Connection c = AuditDatabase.connect()) {
            String options = AuditDatabase.text(c, "SELECT create_options FROM information_schema.tables"
                    + " WHERE table_schema = DATABASE() AND table_name = 'decision_record'");
            assertTrue(options.replace("`", "").equalsIgnoreCase("page_compressed=1"), options);
            String trace = AuditDatabase.text(c, "SELECT column_type FROM information_schema.columns"
                    + " WHERE table_schema = DATABASE() AND table_name = 'decision_record' AND column_name = 'decision_json'");
            assertEquals("longtext", trace);
        }
    }
}
