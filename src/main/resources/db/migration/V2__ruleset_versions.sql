-- Every rule set that ever went live, kept forever: the exact rule files behind each version, and
-- each time it went live, how, and the scenario files that gated it then.

CREATE TABLE ruleset_version (
    version        VARCHAR(71)  CHARACTER SET ascii NOT NULL,
    first_live_at  DATETIME(3)  NOT NULL COMMENT 'UTC',
    PRIMARY KEY (version)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE ruleset_file (
    version  VARCHAR(71)   CHARACTER SET ascii NOT NULL,
    path     VARCHAR(512)  NOT NULL COMMENT 'relative to the rules directory, POSIX separators',
    content  LONGBLOB      NOT NULL COMMENT 'the exact bytes hashed into the version',
    PRIMARY KEY (version, path),
    CONSTRAINT fk_ruleset_file_version FOREIGN KEY (version) REFERENCES ruleset_version (version)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE ruleset_activation (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    version       VARCHAR(71)  CHARACTER SET ascii NOT NULL,
    activated_at  DATETIME(3)  NOT NULL COMMENT 'UTC',
    how           VARCHAR(16)  CHARACTER SET ascii NOT NULL COMMENT 'STARTUP, STARTUP_FALLBACK, FILE_CHANGE, API, ROLLBACK',
    PRIMARY KEY (id),
    KEY ix_ruleset_activation_version (version, id),
    CONSTRAINT fk_ruleset_activation_version FOREIGN KEY (version) REFERENCES ruleset_version (version)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE ruleset_scenario_file (
    activation_id  BIGINT        NOT NULL,
    path           VARCHAR(512)  NOT NULL,
    content        LONGBLOB      NOT NULL,
    PRIMARY KEY (activation_id, path),
    CONSTRAINT fk_ruleset_scenario_activation FOREIGN KEY (activation_id) REFERENCES ruleset_activation (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
