-- MariaDB dialect of the task steps versions (issue 13); keep in step with ../h2 and ../mssql.
-- tasks.steps_version is the current version; 1 = the imported steps, never edited (then no version rows exist yet).
ALTER TABLE tasks ADD COLUMN steps_version INT NOT NULL DEFAULT 1;

-- One row per saved version; the first edit of a task also writes version 1 (the imported steps, author 'import').
-- steps holds one step a line (a step never contains a line break); note and steps are LONGTEXT so their limits
-- (metadata.tasks.*) stay configuration, not schema.
CREATE TABLE task_steps_versions (
    task_id     VARCHAR(255)  NOT NULL,
    version     INT           NOT NULL,
    author      VARCHAR(255)  NOT NULL,
    author_role VARCHAR(32),
    note        LONGTEXT,
    steps       LONGTEXT      NOT NULL,
    created_at  DATETIME(6)   NOT NULL,
    -- Two concurrent saves of the same next version: the second insert fails and is answered 409 (retry).
    PRIMARY KEY (task_id, version),
    CONSTRAINT fk_task_steps_versions_task FOREIGN KEY (task_id) REFERENCES tasks (task_id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
