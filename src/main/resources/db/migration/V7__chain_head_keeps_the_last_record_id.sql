-- The appender gives each record it seals its id (the next after the chain head's record_id), so
-- that it knows every id of a batch before writing it: the rule index rows name their records in
-- the same round trip, with no lookup, and ids ascend with seq in commit order. The head keeps the
-- id of its record, so an id is never handed out twice, even if a record were deleted.
ALTER TABLE decision_chain_head
    ADD COLUMN record_id BIGINT NOT NULL DEFAULT 0 COMMENT 'id of the last record appended';

UPDATE decision_chain_head SET record_id = (SELECT COALESCE(MAX(id), 0) FROM decision_record) WHERE id = 1;
