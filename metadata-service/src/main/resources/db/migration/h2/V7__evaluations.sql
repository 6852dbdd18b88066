-- H2 dialect of the evaluation runs and their per-task results (issue 13); keep in step with ../mariadb and ../mssql.
-- Texts are sized in UTF-16 units here (H2 counts them), twice the code points the API allows.
-- The run row holds no counters: done/errors/correct are computed from the result rows (GROUP BY), so concurrent
-- result writes for different tasks never contend on one row.
CREATE TABLE evaluations (
    id              VARCHAR(36)   NOT NULL PRIMARY KEY,
    owner_id        VARCHAR(128)  NOT NULL,
    model           VARCHAR(400)  NOT NULL,
    prompt_template CLOB,
    use_steps       BOOLEAN       NOT NULL,
    -- The owner's role when the run was made (the runner reads tasks and files with it), and the vision
    -- choice (null: the gateway's default); both kept so a run resumed after a restart runs as it was asked.
    owner_role      VARCHAR(16) NOT NULL,
    vision          BOOLEAN,
    concurrency     INT           NOT NULL,
    -- The task filter as given, as JSON ({"task_ids", "levels", "has_file"}).
    filter_json     CLOB          NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    error           CLOB,
    created_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    started_at      TIMESTAMP(6) WITH TIME ZONE,
    finished_at     TIMESTAMP(6) WITH TIME ZONE
);
CREATE INDEX ix_evaluations_created ON evaluations (created_at, id);

-- No foreign key to tasks: a run keeps its results when a task is deleted later.
CREATE TABLE evaluation_results (
    evaluation_id VARCHAR(36)   NOT NULL,
    task_id       VARCHAR(255)  NOT NULL,
    level         INT           NOT NULL,
    file_type     VARCHAR(64)   NOT NULL,
    status        VARCHAR(16)   NOT NULL,
    prompt        CLOB,
    raw_answer    CLOB,
    final_answer  CLOB,
    correct       BOOLEAN,
    score_kind    VARCHAR(16),
    latency_ms    BIGINT,
    input_tokens  INT,
    output_tokens INT,
    attempts      INT,
    error         CLOB,
    truncated     BOOLEAN       NOT NULL,
    notes         CLOB,
    steps_version INT,
    steps_used    BOOLEAN       NOT NULL,
    updated_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_evaluation_results PRIMARY KEY (evaluation_id, task_id),
    CONSTRAINT fk_evaluation_results_run FOREIGN KEY (evaluation_id) REFERENCES evaluations (id) ON DELETE CASCADE
);
CREATE INDEX ix_evaluation_results_status ON evaluation_results (evaluation_id, status);
