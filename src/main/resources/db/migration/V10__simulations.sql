-- Impact simulations: each run of a candidate rule set over logged decisions or a facts file, kept
-- with its report, and the decisions it would change, in the order found. Nothing here is part of
-- the audit chain: a simulation never writes a decision record or a customer's state.

CREATE TABLE simulation (
    id                 CHAR(36)     CHARACTER SET ascii NOT NULL,
    state              VARCHAR(8)   CHARACTER SET ascii NOT NULL COMMENT 'RUNNING, DONE, FAILED',
    candidate_version  VARCHAR(71)  CHARACTER SET ascii NOT NULL,
    request_json       LONGTEXT     NOT NULL COMMENT 'what was asked, facts left out',
    report_json        LONGTEXT     NULL,
    error              TEXT         NULL,
    started_at         DATETIME(3)  NOT NULL COMMENT 'UTC',
    finished_at        DATETIME(3)  NULL COMMENT 'UTC',
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE simulation_change (
    simulation_id  CHAR(36)  CHARACTER SET ascii NOT NULL,
    ordinal        BIGINT    NOT NULL COMMENT '1, 2, ... in the order the replay found them',
    change_json    LONGTEXT  NOT NULL,
    PRIMARY KEY (simulation_id, ordinal),
    CONSTRAINT fk_simulation_change FOREIGN KEY (simulation_id) REFERENCES simulation (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
