-- Every attempt at a rule set that did not go live (start-up, file change, reload, rollback): when,
-- how, the version tried (null when the files could not even be read) and every error, each as
-- `file:line: message`. Kept for good beside the versions that did go live, so an auditor sees the
-- attempts that the gate stopped too, not only the last one since the service started.
CREATE TABLE ruleset_failure (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    attempted_at DATETIME(3)  NOT NULL COMMENT 'UTC',
    how          VARCHAR(24)  CHARACTER SET ascii NOT NULL,
    version      VARCHAR(71)  CHARACTER SET ascii NULL,
    errors_json  MEDIUMTEXT   NOT NULL COMMENT 'JSON array of the errors, each a string',
    PRIMARY KEY (id)
) ENGINE = InnoDB;
