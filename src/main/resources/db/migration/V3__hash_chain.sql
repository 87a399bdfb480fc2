-- The decision log as a hash chain: each record carries its place in the chain (seq, gap-free from
-- 1, in commit order), the previous record's hash and its own hash (see README, "Audit chain").
-- seq and the hashes are NULL only on records written before this migration; the service seals
-- those at its first start, in id order, before it appends anything new.

ALTER TABLE decision_record
    ADD COLUMN seq       BIGINT   NULL AFTER id,
    ADD COLUMN prev_hash CHAR(64) CHARACTER SET ascii NULL,
    ADD COLUMN hash      CHAR(64) CHARACTER SET ascii NULL,
    ADD UNIQUE KEY uq_decision_record_seq (seq);

-- The chain's head: the last sealed record. Every writer of decision_record and customer_state
-- locks this row first (SELECT ... FOR UPDATE), which orders the chain across instances.
CREATE TABLE decision_chain_head (
    id   TINYINT  NOT NULL,
    seq  BIGINT   NOT NULL,
    hash CHAR(64) CHARACTER SET ascii NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT ck_decision_chain_head_single CHECK (id = 1)
) ENGINE = InnoDB;

INSERT INTO decision_chain_head (id, seq, hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
