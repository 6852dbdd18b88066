-- SQL Server dialect of the task steps versions (issue 13); keep in step with ../h2 and ../mariadb.
-- tasks.steps_version is the current version; 1 = the imported steps, never edited (then no version rows exist yet).
ALTER TABLE tasks ADD steps_version INT NOT NULL CONSTRAINT df_tasks_steps_version DEFAULT 1;

-- One row per saved version; the first edit of a task also writes version 1 (the imported steps, author 'import').
-- steps holds one step a line (a step never contains a line break); note and steps are NVARCHAR(MAX) so their
-- limits (metadata.tasks.*) stay configuration, not schema. Identifiers are binary-collated.
CREATE TABLE task_steps_versions (
    task_id     NVARCHAR(255) COLLATE Latin1_General_100_BIN2 NOT NULL,
    version     INT            NOT NULL,
    author      NVARCHAR(255) COLLATE Latin1_General_100_BIN2 NOT NULL,
    author_role NVARCHAR(32),
    note        NVARCHAR(MAX),
    steps       NVARCHAR(MAX)  NOT NULL,
    created_at  DATETIME2(6)   NOT NULL,
    -- Two concurrent saves of the same next version: the second insert fails and is answered 409 (retry).
    CONSTRAINT pk_task_steps_versions PRIMARY KEY (task_id, version),
    CONSTRAINT fk_task_steps_versions_task FOREIGN KEY (task_id) REFERENCES tasks (task_id) ON DELETE CASCADE
);
