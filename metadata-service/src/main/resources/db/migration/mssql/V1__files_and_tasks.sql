-- SQL Server dialect of the metadata schema; keep in step with ../h2 and ../mariadb.
-- Identifier-like columns are binary-collated: the default collation is case-insensitive, so 'Alice' would match
-- 'alice' and ids differing only in case would collide (H2 and MariaDB utf8mb4_bin compare exactly).
-- Long keys (object_key, text_key) are INCLUDE columns, not index keys: a nonclustered key is capped at 1700 bytes.
CREATE TABLE files (
    id                 NVARCHAR(36) COLLATE Latin1_General_100_BIN2 NOT NULL CONSTRAINT pk_files PRIMARY KEY,
    owner_id           NVARCHAR(255) COLLATE Latin1_General_100_BIN2 NOT NULL,
    original_name      NVARCHAR(1024) NOT NULL,
    extension          NVARCHAR(64),
    media_type         NVARCHAR(255)  NOT NULL,
    name_media_type    NVARCHAR(255),
    extension_mismatch BIT            NOT NULL,
    size_bytes         BIGINT         NOT NULL,
    sha256             NCHAR(64) COLLATE Latin1_General_100_BIN2 NOT NULL,
    bucket             NVARCHAR(63) COLLATE Latin1_General_100_BIN2 NOT NULL,
    object_key         NVARCHAR(1024) COLLATE Latin1_General_100_BIN2 NOT NULL,
    data_type          NVARCHAR(64),
    text_key           NVARCHAR(1024) COLLATE Latin1_General_100_BIN2,
    text_length        BIGINT,
    text_truncated     BIT            NOT NULL,
    details            NVARCHAR(MAX),
    task_id            NVARCHAR(255) COLLATE Latin1_General_100_BIN2,
    status             NVARCHAR(16)   NOT NULL,
    created_at         DATETIME2(6)   NOT NULL,
    CONSTRAINT uq_files_owner_sha256 UNIQUE (owner_id, sha256)
);
CREATE INDEX ix_files_created ON files (created_at, id);
CREATE INDEX ix_files_bucket_keys ON files (bucket) INCLUDE (object_key, text_key);
CREATE INDEX ix_files_task_id ON files (task_id);

CREATE TABLE file_tags (
    file_id NVARCHAR(36) COLLATE Latin1_General_100_BIN2 NOT NULL,
    tag     NVARCHAR(64) COLLATE Latin1_General_100_BIN2 NOT NULL,
    CONSTRAINT pk_file_tags PRIMARY KEY (file_id, tag),
    CONSTRAINT fk_file_tags_file FOREIGN KEY (file_id) REFERENCES files (id) ON DELETE CASCADE
);
CREATE INDEX ix_file_tags_tag ON file_tags (tag);

CREATE TABLE tasks (
    task_id         NVARCHAR(255) COLLATE Latin1_General_100_BIN2 NOT NULL CONSTRAINT pk_tasks PRIMARY KEY,
    question        NVARCHAR(MAX)  NOT NULL,
    level           INT            NOT NULL,
    final_answer    NVARCHAR(MAX),
    file_name       NVARCHAR(1024) COLLATE Latin1_General_100_BIN2,
    steps           NVARCHAR(MAX),
    number_of_steps INT,
    how_long        NVARCHAR(255),
    tools           NVARCHAR(MAX),
    number_of_tools INT,
    created_at      DATETIME2(6)   NOT NULL,
    updated_at      DATETIME2(6)   NOT NULL
);
CREATE INDEX ix_tasks_level ON tasks (level);

CREATE TABLE task_files (
    task_id    NVARCHAR(255) COLLATE Latin1_General_100_BIN2 NOT NULL,
    file_id    NVARCHAR(36) COLLATE Latin1_General_100_BIN2 NOT NULL,
    matched_by NVARCHAR(32)  NOT NULL,
    CONSTRAINT pk_task_files PRIMARY KEY (task_id, file_id),
    CONSTRAINT fk_task_files_task FOREIGN KEY (task_id) REFERENCES tasks (task_id) ON DELETE CASCADE,
    CONSTRAINT fk_task_files_file FOREIGN KEY (file_id) REFERENCES files (id) ON DELETE CASCADE
);
CREATE INDEX ix_task_files_file ON task_files (file_id);
