-- The overview (GET /v1/audit/overview) counts decisions per day by tier and by cooperation stage,
-- and the transitions of a period, from the derived index alone: a period is one range of
-- decision_index, read in one pass, and never a scan of the records themselves. So the index keeps
-- each record's cooperation stage beside its tier and transition (about 8 bytes a decision). The
-- indexer writes it from now on; the rows indexed so far get it from their records here.
ALTER TABLE decision_index
    ADD COLUMN cooperation_stage VARCHAR(16) CHARACTER SET ascii NULL AFTER tier;

UPDATE decision_index i JOIN decision_record r ON r.id = i.record_id
SET i.cooperation_stage = r.cooperation_stage;

ALTER TABLE decision_index
    MODIFY cooperation_stage VARCHAR(16) CHARACTER SET ascii NOT NULL;
