-- The audit filters' indexes leave the decision's transaction. A decision now writes only what
-- correctness needs: its record (chain order, decision id, requestId, customer order) and its
-- customer's state row. The indexes behind the audit filters (rule, tier, transition, time range)
-- are derived from the chain by an indexer that follows it off the request path
-- (io.guanxi.audit.index.DecisionIndexer): it reads the records after the last seq it indexed, writes
-- their rows here and moves its position, all in one transaction, so a crash loses nothing and
-- repeats nothing. Audit queries stay exact: what the indexer has not reached yet (seq above its
-- position, or a record not sealed into the chain) is read from decision_record itself.

-- Tier, transition and time of every indexed record, each filter ending in the record id so that a
-- page (record_id > cursor ORDER BY record_id) is one index range.
CREATE TABLE decision_index (
    record_id  BIGINT      NOT NULL,
    decided_at DATETIME(3) NOT NULL COMMENT 'UTC',
    tier       VARCHAR(16) CHARACTER SET ascii NOT NULL,
    transition VARCHAR(16) CHARACTER SET ascii NOT NULL,
    PRIMARY KEY (record_id),
    KEY ix_decision_index_decided_at (decided_at, record_id),
    KEY ix_decision_index_tier (tier, record_id),
    KEY ix_decision_index_transition (transition, record_id)
) ENGINE = InnoDB;

-- Which rules fired in which records, for the "rule" filter, as bitmaps: one row per rule and block
-- of 64 consecutive record ids, bit (id MOD 64) set when the rule fired in record id. Record ids
-- are dense, so a row stands for up to 64 records: about 40 bytes a decision where decision_rule
-- (rule id, record id) took about 530, and a few rows a round for the indexer to write instead of
-- a dozen a decision. Bits are only ever OR-ed in, so writing a record's bits twice changes nothing.
CREATE TABLE decision_rule_bitmap (
    rule_id VARCHAR(32)     CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    block   BIGINT          NOT NULL COMMENT 'record id DIV 64',
    bits    BIGINT UNSIGNED NOT NULL COMMENT 'bit (record id MOD 64) set: the rule fired in that record',
    PRIMARY KEY (rule_id, block)
) ENGINE = InnoDB;

-- How far the indexer is: every sealed record with seq <= this one has its rows in decision_index
-- and decision_rule_bitmap.
CREATE TABLE decision_indexer (
    id         TINYINT     NOT NULL,
    seq        BIGINT      NOT NULL,
    indexed_at DATETIME(3) NULL COMMENT 'UTC, when the indexer last moved',
    PRIMARY KEY (id),
    CONSTRAINT ck_decision_indexer_single CHECK (id = 1)
) ENGINE = InnoDB;

-- Everything sealed so far, in set-based passes: decision_rule is complete already (written in the
-- decision's transaction until now) and gives way to its bitmaps. Records not yet sealed (seq NULL)
-- are sealed at the next start and indexed after it like any new record.
INSERT INTO decision_index (record_id, decided_at, tier, transition)
SELECT id, decided_at, tier, transition FROM decision_record WHERE seq IS NOT NULL;

INSERT INTO decision_rule_bitmap (rule_id, block, bits)
SELECT r.rule_id, r.record_id DIV 64, BIT_OR(CAST(1 AS UNSIGNED) << (r.record_id MOD 64))
FROM decision_rule r JOIN decision_record d ON d.id = r.record_id
WHERE d.seq IS NOT NULL
GROUP BY r.rule_id, r.record_id DIV 64;

DROP TABLE decision_rule;

INSERT INTO decision_indexer (id, seq, indexed_at)
SELECT 1, COALESCE(MAX(seq), 0), UTC_TIMESTAMP(3) FROM decision_record;

ALTER TABLE decision_record
    DROP INDEX ix_decision_record_tier,
    DROP INDEX ix_decision_record_transition,
    DROP INDEX ix_decision_record_decided_at;
