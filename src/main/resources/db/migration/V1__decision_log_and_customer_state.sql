-- The decision log and the stored relationship state.
-- Identifiers are ASCII and case-sensitive (binary collation): ACME-1 and acme-1 are two customers.

CREATE TABLE customer_state (
    customer_id       VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    cooperation_stage VARCHAR(16)  CHARACTER SET ascii NOT NULL,
    -- The purchase share exactly as last sent (a decimal string: no rounding, no binary float).
    last_share        VARCHAR(128) CHARACTER SET ascii NOT NULL,
    last_decision_id  CHAR(36)     CHARACTER SET ascii NOT NULL,
    -- Grows with every update: a writer that read an older version changes nothing.
    version           BIGINT       NOT NULL,
    updated_at        DATETIME(3)  NOT NULL COMMENT 'UTC',
    PRIMARY KEY (customer_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE decision_record (
    id                BIGINT       NOT NULL AUTO_INCREMENT,
    decision_id       CHAR(36)     CHARACTER SET ascii NOT NULL,
    customer_id       VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    request_id        VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_bin NULL,
    ruleset_version   VARCHAR(71)  CHARACTER SET ascii NOT NULL,
    previous_stage    VARCHAR(16)  CHARACTER SET ascii NULL,
    cooperation_stage VARCHAR(16)  CHARACTER SET ascii NOT NULL,
    transition        VARCHAR(16)  CHARACTER SET ascii NOT NULL,
    lifecycle_stage   VARCHAR(16)  CHARACTER SET ascii NOT NULL,
    tier              VARCHAR(16)  CHARACTER SET ascii NOT NULL,
    relationship_type VARCHAR(16)  CHARACTER SET ascii NOT NULL,
    input_json        JSON         NOT NULL,
    output_json       JSON         NOT NULL,
    fired_rules       JSON         NOT NULL,
    decided_at        DATETIME(3)  NOT NULL COMMENT 'UTC',
    evaluation_micros BIGINT       NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uq_decision_record_decision_id (decision_id),
    UNIQUE KEY uq_decision_record_request_id (request_id),
    KEY ix_decision_record_customer (customer_id, id),
    KEY ix_decision_record_decided_at (decided_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
