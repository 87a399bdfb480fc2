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
            LocalDateTime.of(2026, 1, 2, 3, 4, 5, 60_000_000), 42, "[{\"output\":\"tier\"}]", null)
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
    void recordThatStoresFactsEncodesDecisionJsonLastAndNoRenderings() {
        DecisionRecord lean = DecisionRecord.unsealed("d-2", "ACME-1", "r-1", "sha256:ab", "INITIAL",
                "STABLE", "ADVANCED", "FORMATION", "KEY", "PARTNERSHIP", "{\"a\":1}", null, null,
                LocalDateTime.of(2026, 1, 2, 3, 4, 5, 6_000_000), 7, null, "{\"outputs\":[]}")
                .sealed(null, 8, ChainEncoding.GENESIS);
        Object[] values = ChainEncoding.FIELDS.stream().map(f -> f.value().apply(lean)).toArray();

        assertEquals("""
                seq:1:8
                decision_id:3:d-2
                customer_id:6:ACME-1
                request_id:3:r-1
                ruleset_version:9:sha256:ab
                previous_stage:7:INITIAL
                cooperation_stage:6:STABLE
                transition:8:ADVANCED
                lifecycle_stage:9:FORMATION
                tier:3:KEY
                relationship_type:11:PARTNERSHIP
                input_json:7:{"a":1}
                decided_at:24:2026-01-02T03:04:05.006Z
                evaluation_micros:1:7
                decision_json:14:{"outputs":[]}
                prev_hash:64:%s
                """.formatted(ChainEncoding.GENESIS), ChainEncoding.encode(values, lean.prevHash()));
        assertEquals(ChainEncoding.hash(values, lean.prevHash()), lean.hash());
    }

    @Test
    void hashDependsOnContentAndPredecessor() {
        DecisionRecord other = RECORD.sealed(null, 7, "1".repeat(64));

        assertNotEquals(RECORD.hash(), other.hash());
        assertEquals(64, RECORD.hash().length());
        assertEquals(RECORD.hash(), RECORD.sealed(null, 7, ChainEncoding.GENESIS).hash(), "deterministic");
    }
}
