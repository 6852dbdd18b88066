-- H2 dialect of the chat's documents and fine-tune jobs; keep in step with ../mariadb and ../mssql.
-- Texts are sized in UTF-16 units here (H2 counts them), twice the code points the API allows.
CREATE TABLE documents (
    id             VARCHAR(36)   NOT NULL PRIMARY KEY,
    owner_id       VARCHAR(128)  NOT NULL,
    file_id        VARCHAR(36)   NOT NULL,
    name           VARCHAR(510)  NOT NULL,
    data_type      VARCHAR(128)  NOT NULL,
    status         VARCHAR(16)   NOT NULL,
    chunks         INT,
    chunks_indexed INT           DEFAULT 0 NOT NULL,
    error          VARCHAR(2000),
    created_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    -- The same bytes uploaded twice by one owner are one document.
    CONSTRAINT uq_documents_owner_file UNIQUE (owner_id, file_id)
);
CREATE INDEX ix_documents_owner ON documents (owner_id, created_at);
CREATE INDEX ix_documents_created ON documents (created_at, id);

CREATE TABLE fine_tune_jobs (
    id               VARCHAR(36)   NOT NULL PRIMARY KEY,
    owner_id         VARCHAR(128)  NOT NULL,
    status           VARCHAR(16)   NOT NULL,
    progress         DOUBLE PRECISION NOT NULL,
    epochs           INT           NOT NULL,
    learning_rate    DOUBLE PRECISION NOT NULL,
    base_model       VARCHAR(400),
    training_file_id VARCHAR(36),
    examples         INT,
    provider_file_id VARCHAR(400),
    provider_job_id  VARCHAR(400),
    fine_tuned_model VARCHAR(400),
    message          VARCHAR(2000),
    created_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_fine_tune_jobs_owner ON fine_tune_jobs (owner_id, status, updated_at);
CREATE INDEX ix_fine_tune_jobs_created ON fine_tune_jobs (created_at, id);
