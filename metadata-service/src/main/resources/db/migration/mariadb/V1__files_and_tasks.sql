-- MariaDB dialect of the metadata schema; keep in step with ../h2 and ../mssql.
-- Long keys are indexed by prefix: InnoDB caps an index key at 3072 bytes (utf8mb4 = 4 bytes a character).
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
    details            LONGTEXT,
    task_id            VARCHAR(255),
    status             VARCHAR(16)   NOT NULL,
    created_at         DATETIME(6)   NOT NULL,
    CONSTRAINT uq_files_owner_sha256 UNIQUE (owner_id, sha256),
    INDEX ix_files_created (created_at, id),
    INDEX ix_files_object_key (bucket, object_key(255)),
    INDEX ix_files_text_key (bucket, text_key(255)),
    INDEX ix_files_task_id (task_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE file_tags (
    file_id VARCHAR(36) NOT NULL,
    tag     VARCHAR(64) NOT NULL,
    PRIMARY KEY (file_id, tag),
    CONSTRAINT fk_file_tags_file FOREIGN KEY (file_id) REFERENCES files (id) ON DELETE CASCADE,
    INDEX ix_file_tags_tag (tag)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE tasks (
    task_id         VARCHAR(255)  NOT NULL PRIMARY KEY,
    question        LONGTEXT      NOT NULL,
    level           INT           NOT NULL,
    final_answer    LONGTEXT,
    file_name       VARCHAR(1024),
    steps           LONGTEXT,
    number_of_steps INT,
    how_long        VARCHAR(255),
    tools           LONGTEXT,
    number_of_tools INT,
    created_at      DATETIME(6)   NOT NULL,
    updated_at      DATETIME(6)   NOT NULL,
    INDEX ix_tasks_level (level)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE task_files (
    task_id    VARCHAR(255) NOT NULL,
    file_id    VARCHAR(36)  NOT NULL,
    matched_by VARCHAR(32)  NOT NULL,
    PRIMARY KEY (task_id, file_id),
    CONSTRAINT fk_task_files_task FOREIGN KEY (task_id) REFERENCES tasks (task_id) ON DELETE CASCADE,
    CONSTRAINT fk_task_files_file FOREIGN KEY (file_id) REFERENCES files (id) ON DELETE CASCADE,
    INDEX ix_task_files_file (file_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
