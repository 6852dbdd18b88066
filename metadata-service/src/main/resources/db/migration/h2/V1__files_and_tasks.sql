-- H2 dialect of the metadata schema; keep in step with ../mariadb and ../mssql.
CREATE TABLE files (
    id                 VARCHAR(36)   NOT NULL PRIMARY KEY,
    owner_id           VARCHAR(255)  NOT NULL,
    original_name      VARCHAR(1024) NOT NULL,
    extension          VARCHAR(64),
    media_type         VARCHAR(255)  NOT NULL,
    name_media_type    VARCHAR(255),
    extension_mismatch BOOLEAN       NOT NULL,
    size_bytes         BIGINT        NOT NULL,
    sha256             CHAR(64)      NOT NULL,
    bucket             VARCHAR(63)   NOT NULL,
    object_key         VARCHAR(1024) NOT NULL,
    data_type          VARCHAR(64),
    text_key           VARCHAR(1024),
    text_length        BIGINT,
    text_truncated     BOOLEAN       NOT NULL,
    details            CLOB,
    task_id            VARCHAR(255),
    status             VARCHAR(16)   NOT NULL,
    created_at         TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_files_owner_sha256 UNIQUE (owner_id, sha256)
);
CREATE INDEX ix_files_created ON files (created_at, id);
CREATE INDEX ix_files_object_key ON files (bucket, object_key);
CREATE INDEX ix_files_text_key ON files (bucket, text_key);
CREATE INDEX ix_files_task_id ON files (task_id);

CREATE TABLE file_tags (
    file_id VARCHAR(36) NOT NULL,
    tag     VARCHAR(64) NOT NULL,
    CONSTRAINT pk_file_tags PRIMARY KEY (file_id, tag),
    CONSTRAINT fk_file_tags_file FOREIGN KEY (file_id) REFERENCES files (id) ON DELETE CASCADE
);
CREATE INDEX ix_file_tags_tag ON file_tags (tag);

CREATE TABLE tasks (
    task_id         VARCHAR(255)  NOT NULL PRIMARY KEY,
    question        CLOB          NOT NULL,
    level           INT           NOT NULL,
    final_answer    CLOB,
    file_name       VARCHAR(1024),
    steps           CLOB,
    number_of_steps INT,
    how_long        VARCHAR(255),
    tools           CLOB,
    number_of_tools INT,
    created_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_tasks_level ON tasks (level);

CREATE TABLE task_files (
    task_id    VARCHAR(255) NOT NULL,
    file_id    VARCHAR(36)  NOT NULL,
    matched_by VARCHAR(32)  NOT NULL,
    CONSTRAINT pk_task_files PRIMARY KEY (task_id, file_id),
    CONSTRAINT fk_task_files_task FOREIGN KEY (task_id) REFERENCES tasks (task_id) ON DELETE CASCADE,
    CONSTRAINT fk_task_files_file FOREIGN KEY (file_id) REFERENCES files (id) ON DELETE CASCADE
);
CREATE INDEX ix_task_files_file ON task_files (file_id);
