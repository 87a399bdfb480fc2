package io.guanxi.decisionlog.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The encoding the hashes cover is pinned: a change here would break every stored hash (see README). */
class ChainEncodingTest {

    private static final DecisionRecord RECORD = DecisionRecord.unsealed("d-1", "ACME-1", null, "sha256:ab", null,
            "INITIAL", "NEW", "FORMATION", "STANDARD", "TRANSACTIONAL", "{\"a\":1}", "{\"b\":\"关系\"}", "[]",
            LocalDateTime.of(2026, 1, 2, 3, 4, 5, 60_000_000), 42, "[{\"output\":\"tier\"}]")
            .sealed(null, 7, ChainEncoding.GENESIS);

    @Test
    void encodingIsFixedFieldOrderWithByteLengthsAndNullsLeftOut() throws Exception {
        Object[] values = ChainEncoding.FIELDS.stream().map(f -> f.value().apply(RECORD)).toArray();

        assertEquals("""
                seq:1:7
                decision_id:3:d-1
                customer_id:6:ACME-1
                ruleset_version:9:sha256:ab
                cooperation_stage:7:INITIAL
                transition:3:NEW
                lifecycle_stage:9:FORMATION
                tier:8:STANDARD
                relationship_type:13:TRANSACTIONAL
                input_json:7:{"a":1}
                output_json:14:{"b":"关系"}
                fired_rules:2:[]
                decided_at:24:2026-01-02T03:04:05.060Z
                evaluation_micros:2:42
                explanation_json:19:[{"output":"tier"}]
                prev_hash:64:%s
                """.formatted(ChainEncoding.GENESIS), ChainEncoding.encode(values, RECORD.prevHash()));
        assertEquals(ChainEncoding.hash(values, RECORD.prevHash()), RECORD.hash());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(
                ChainEncoding.encode(values, RECORD.prevHash()).getBytes(StandardCharsets.UTF_8))), RECORD.hash(),
                "the hash is the SHA-256 of exactly the documented encoding");
    }

    @Test
    void hashDependsOnContentAndPredecessor() {
        DecisionRecord other = RECORD.sealed(null, 7, "1".repeat(64));

        assertNotEquals(RECORD.hash(), other.hash());
        assertEquals(64, RECORD.hash().length());
        assertEquals(RECORD.hash(), RECORD.sealed(null, 7, ChainEncoding.GENESIS).hash(), "deterministic");
    }
}
