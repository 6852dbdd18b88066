-- SQL Server dialect of the chat's documents and fine-tune jobs; keep in step with ../h2 and ../mariadb.
-- Identifiers are binary-collated; texts are NVARCHAR sized in UTF-16 units (twice the code points allowed).
CREATE TABLE documents (
    id             NVARCHAR(36) COLLATE Latin1_General_100_BIN2 NOT NULL CONSTRAINT pk_documents PRIMARY KEY,
    owner_id       NVARCHAR(128) COLLATE Latin1_General_100_BIN2 NOT NULL,
    file_id        NVARCHAR(36) COLLATE Latin1_General_100_BIN2 NOT NULL,
    name           NVARCHAR(510)  NOT NULL,
    data_type      NVARCHAR(128)  NOT NULL,
    status         NVARCHAR(16)   NOT NULL,
    chunks         INT,
    chunks_indexed INT            NOT NULL CONSTRAINT df_documents_chunks_indexed DEFAULT 0,
    error          NVARCHAR(2000),
    created_at     DATETIME2(6)   NOT NULL,
    updated_at     DATETIME2(6)   NOT NULL,
    -- The same bytes uploaded twice by one owner are one document.
    CONSTRAINT uq_documents_owner_file UNIQUE (owner_id, file_id)
);
CREATE INDEX ix_documents_owner ON documents (owner_id, created_at);
CREATE INDEX ix_documents_created ON documents (created_at, id);

CREATE TABLE fine_tune_jobs (
    id               NVARCHAR(36) COLLATE Latin1_General_100_BIN2 NOT NULL CONSTRAINT pk_fine_tune_jobs PRIMARY KEY,
    owner_id         NVARCHAR(128) COLLATE Latin1_General_100_BIN2 NOT NULL,
    status           NVARCHAR(16)   NOT NULL,
    progress         FLOAT(53)      NOT NULL,
    epochs           INT            NOT NULL,
    learning_rate    FLOAT(53)      NOT NULL,
    base_model       NVARCHAR(400),
    training_file_id NVARCHAR(36) COLLATE Latin1_General_100_BIN2,
    examples         INT,
    provider_file_id NVARCHAR(400),
    provider_job_id  NVARCHAR(400),
    fine_tuned_model NVARCHAR(400),
    message          NVARCHAR(2000),
    created_at       DATETIME2(6)   NOT NULL,
    updated_at       DATETIME2(6)   NOT NULL
);
CREATE INDEX ix_fine_tune_jobs_owner ON fine_tune_jobs (owner_id, status, updated_at);
CREATE INDEX ix_fine_tune_jobs_created ON fine_tune_jobs (created_at, id);
