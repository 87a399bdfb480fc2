-- Rule-set experiments on live traffic. An experiment names a challenger (a version that went live
-- here) and how it meets traffic: 'shadow' (the challenger also decides, the champion answers) or
-- 'split' (a share of customers gets the challenger's answer). At most one runs: running_guard is 1
-- on the running one and NULL elsewhere, and its unique key refuses a second.
CREATE TABLE experiment (
    id                  BIGINT       NOT NULL AUTO_INCREMENT,
    mode                VARCHAR(8)   CHARACTER SET ascii NOT NULL COMMENT 'shadow, split',
    share_percent       INT          NOT NULL COMMENT '1..100 (shadow), 1..50 (split)',
    challenger_version  VARCHAR(71)  CHARACTER SET ascii NOT NULL,
    champion_version    VARCHAR(71)  CHARACTER SET ascii NOT NULL COMMENT 'live when the experiment started',
    state               VARCHAR(8)   CHARACTER SET ascii NOT NULL COMMENT 'RUNNING, STOPPED, PROMOTED',
    running_guard       TINYINT      NULL,
    started_at          DATETIME(3)  NOT NULL COMMENT 'UTC',
    started_by          VARCHAR(64)  NOT NULL COMMENT 'API key name',
    ended_at            DATETIME(3)  NULL COMMENT 'UTC',
    ended_by            VARCHAR(64)  NULL,
    note                TEXT         NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uq_experiment_running (running_guard)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Each decision made under an experiment names it and its arm inside the hash chain (a NULL is left
-- out of a record's encoding, so every older record keeps its hash). shadow_json is the challenger's
-- result beside a shadowed decision: its version, output codes, actions and fired rule ids.
ALTER TABLE decision_record
    ADD COLUMN experiment_id  BIGINT       NULL,
    ADD COLUMN experiment_arm VARCHAR(10)  CHARACTER SET ascii NULL COMMENT 'champion, challenger, shadow',
    ADD COLUMN shadow_json    LONGTEXT     NULL,
    ADD KEY ix_decision_record_experiment (experiment_id, experiment_arm, id);
