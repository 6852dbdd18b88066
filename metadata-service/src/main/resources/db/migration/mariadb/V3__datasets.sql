-- MariaDB dialect of the datasets table; keep in step with ../h2 and ../mssql.
-- A dataset points at the stored file holding its CSV; deleting the file (ingest-service deletes the row first)
-- removes its datasets, so the catalogue never lists a dataset whose bytes are gone.
-- "rows" is a reserved word here, hence num_rows / num_contexts. utf8mb4 VARCHAR counts code points.
CREATE TABLE datasets (
    id           VARCHAR(36)   NOT NULL PRIMARY KEY,
    name         VARCHAR(200)  NOT NULL,
    file_id      VARCHAR(36)   NOT NULL,
    owner_id     VARCHAR(128),
    num_rows     INT           NOT NULL,
    num_contexts INT           NOT NULL,
    column_names LONGTEXT      NOT NULL,
    uploaded_at  DATETIME(6)   NOT NULL,
    CONSTRAINT fk_datasets_file FOREIGN KEY (file_id) REFERENCES files (id) ON DELETE CASCADE,
    INDEX ix_datasets_uploaded (uploaded_at, id),
    INDEX ix_datasets_file (file_id),
    INDEX ix_datasets_owner (owner_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
