-- A simulation runs on one instance; if that instance stops (a restart, a crash), the run stops
-- with it and would stay RUNNING for good. The running instance now beats every few seconds
-- (io.guanxi.simulation.Heartbeat); a RUNNING simulation whose heartbeat is a minute old is
-- marked FAILED the next time anyone reads it, by any instance. A live run is never taken for a
-- dead one: its heartbeat is seconds old.
ALTER TABLE simulation
    ADD COLUMN heartbeat_at DATETIME(3) NULL COMMENT 'UTC, the last sign of life of the instance running it' AFTER finished_at;

UPDATE simulation SET heartbeat_at = COALESCE(finished_at, started_at);
