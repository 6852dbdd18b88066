-- MariaDB dialect of the evaluation runs and their per-task results (issue 13); keep in step with ../h2 and ../mssql.
-- utf8mb4 VARCHAR counts code points, as the API's limits do.
-- The run row holds no counters: done/errors/correct are computed from the result rows (GROUP BY), so concurrent
-- result writes for different tasks never contend on one row.
CREATE TABLE evaluations (
    id              VARCHAR(36)   NOT NULL PRIMARY KEY,
    owner_id        VARCHAR(128)  NOT NULL,
    model           VARCHAR(200)  NOT NULL,
    prompt_template LONGTEXT,
    use_steps       BOOLEAN       NOT NULL,
    -- The owner's role when the run was made (the runner reads tasks and files with it), and the vision
    -- choice (null: the gateway's default); both kept so a run resumed after a restart runs as it was asked.
    owner_role      VARCHAR(16) NOT NULL,
    vision          BOOLEAN,
    concurrency     INT           NOT NULL,
    -- The task filter as given, as JSON ({"task_ids", "levels", "has_file"}).
    filter_json     LONGTEXT      NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    error           LONGTEXT,
    created_at      DATETIME(6)   NOT NULL,
    started_at      DATETIME(6),
    finished_at     DATETIME(6),
    INDEX ix_evaluations_created (created_at, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- No foreign key to tasks: a run keeps its results when a task is deleted later.
CREATE TABLE evaluation_results (
    evaluation_id VARCHAR(36)   NOT NULL,
    task_id       VARCHAR(255)  NOT NULL,
    level         INT           NOT NULL,
    file_type     VARCHAR(32)   NOT NULL,
    status        VARCHAR(16)   NOT NULL,
    prompt        LONGTEXT,
    raw_answer    LONGTEXT,
    final_answer  LONGTEXT,
    correct       BOOLEAN,
    score_kind    VARCHAR(16),
    latency_ms    BIGINT,
    input_tokens  INT,
    output_tokens INT,
    attempts      INT,
    error         LONGTEXT,
    truncated     BOOLEAN       NOT NULL,
    notes         LONGTEXT,
    steps_version INT,
    steps_used    BOOLEAN       NOT NULL,
    updated_at    DATETIME(6)   NOT NULL,
    CONSTRAINT pk_evaluation_results PRIMARY KEY (evaluation_id, task_id),
    CONSTRAINT fk_evaluation_results_run FOREIGN KEY (evaluation_id) REFERENCES evaluations (id) ON DELETE CASCADE,
    INDEX ix_evaluation_results_status (evaluation_id, status)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
