-- MariaDB dialect of the chat's documents and fine-tune jobs; keep in step with ../h2 and ../mssql.
-- utf8mb4 VARCHAR counts code points, as the API's limits do.
CREATE TABLE documents (
    id             VARCHAR(36)   NOT NULL PRIMARY KEY,
    owner_id       VARCHAR(128)  NOT NULL,
    file_id        VARCHAR(36)   NOT NULL,
    name           VARCHAR(255)  NOT NULL,
    data_type      VARCHAR(64)   NOT NULL,
    status         VARCHAR(16)   NOT NULL,
    chunks         INT,
    chunks_indexed INT           NOT NULL DEFAULT 0,
    error          VARCHAR(1000),
    created_at     DATETIME(6)   NOT NULL,
    updated_at     DATETIME(6)   NOT NULL,
    -- The same bytes uploaded twice by one owner are one document.
    CONSTRAINT uq_documents_owner_file UNIQUE (owner_id, file_id),
    INDEX ix_documents_owner (owner_id, created_at),
    INDEX ix_documents_created (created_at, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE fine_tune_jobs (
    id               VARCHAR(36)   NOT NULL PRIMARY KEY,
    owner_id         VARCHAR(128)  NOT NULL,
    status           VARCHAR(16)   NOT NULL,
    progress         DOUBLE        NOT NULL,
    epochs           INT           NOT NULL,
    learning_rate    DOUBLE        NOT NULL,
    base_model       VARCHAR(200),
    training_file_id VARCHAR(36),
    examples         INT,
    provider_file_id VARCHAR(200),
    provider_job_id  VARCHAR(200),
    fine_tuned_model VARCHAR(200),
    message          VARCHAR(1000),
    created_at       DATETIME(6)   NOT NULL,
    updated_at       DATETIME(6)   NOT NULL,
    INDEX ix_fine_tune_jobs_owner (owner_id, status, updated_at),
    INDEX ix_fine_tune_jobs_created (created_at, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
