-- SQL Server dialect of the evaluation runs and their per-task results (issue 13); keep in step with ../h2 and
-- ../mariadb. Identifiers are binary-collated; texts are NVARCHAR sized in UTF-16 units (twice the code points allowed).
-- The run row holds no counters: done/errors/correct are computed from the result rows (GROUP BY), so concurrent
-- result writes for different tasks never contend on one row.
CREATE TABLE evaluations (
    id              NVARCHAR(36) COLLATE Latin1_General_100_BIN2 NOT NULL CONSTRAINT pk_evaluations PRIMARY KEY,
    owner_id        NVARCHAR(128) COLLATE Latin1_General_100_BIN2 NOT NULL,
    model           NVARCHAR(400)  NOT NULL,
    prompt_template NVARCHAR(MAX),
    use_steps       BIT            NOT NULL,
    -- The owner's role when the run was made (the runner reads tasks and files with it), and the vision
    -- choice (null: the gateway's default); both kept so a run resumed after a restart runs as it was asked.
    owner_role      NVARCHAR(16) NOT NULL,
    vision          BIT,
    concurrency     INT            NOT NULL,
    -- The task filter as given, as JSON ({"task_ids", "levels", "has_file"}).
    filter_json     NVARCHAR(MAX)  NOT NULL,
    status          NVARCHAR(16)   NOT NULL,
    error           NVARCHAR(MAX),
    created_at      DATETIME2(6)   NOT NULL,
    started_at      DATETIME2(6),
    finished_at     DATETIME2(6)
);
CREATE INDEX ix_evaluations_created ON evaluations (created_at, id);

-- No foreign key to tasks: a run keeps its results when a task is deleted later.
CREATE TABLE evaluation_results (
    evaluation_id NVARCHAR(36) COLLATE Latin1_General_100_BIN2 NOT NULL,
    task_id       NVARCHAR(255) COLLATE Latin1_General_100_BIN2 NOT NULL,
    level         INT            NOT NULL,
    file_type     NVARCHAR(64)   NOT NULL,
    status        NVARCHAR(16)   NOT NULL,
    prompt        NVARCHAR(MAX),
    raw_answer    NVARCHAR(MAX),
    final_answer  NVARCHAR(MAX),
    correct       BIT,
    score_kind    NVARCHAR(16),
    latency_ms    BIGINT,
    input_tokens  INT,
    output_tokens INT,
    attempts      INT,
    error         NVARCHAR(MAX),
    truncated     BIT            NOT NULL,
    notes         NVARCHAR(MAX),
    steps_version INT,
    steps_used    BIT            NOT NULL,
    updated_at    DATETIME2(6)   NOT NULL,
    CONSTRAINT pk_evaluation_results PRIMARY KEY (evaluation_id, task_id),
    CONSTRAINT fk_evaluation_results_run FOREIGN KEY (evaluation_id) REFERENCES evaluations (id) ON DELETE CASCADE
);
CREATE INDEX ix_evaluation_results_status ON evaluation_results (evaluation_id, status);
