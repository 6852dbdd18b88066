-- SQL Server dialect of the datasets table; keep in step with ../h2 and ../mariadb.
-- A dataset points at the stored file holding its CSV; deleting the file (ingest-service deletes the row first)
-- removes its datasets, so the catalogue never lists a dataset whose bytes are gone.
-- Identifiers are binary-collated (exact match, as on H2 and MariaDB utf8mb4_bin). name is NVARCHAR(400): without
-- a _SC collation NVARCHAR counts UTF-16 units, and the API allows 200 code points.
CREATE TABLE datasets (
    id           NVARCHAR(36) COLLATE Latin1_General_100_BIN2 NOT NULL CONSTRAINT pk_datasets PRIMARY KEY,
    name         NVARCHAR(400)  NOT NULL,
    file_id      NVARCHAR(36) COLLATE Latin1_General_100_BIN2 NOT NULL,
    owner_id     NVARCHAR(128) COLLATE Latin1_General_100_BIN2,
    num_rows     INT            NOT NULL,
    num_contexts INT            NOT NULL,
    column_names NVARCHAR(MAX)  NOT NULL,
    uploaded_at  DATETIME2(6)   NOT NULL,
    CONSTRAINT fk_datasets_file FOREIGN KEY (file_id) REFERENCES files (id) ON DELETE CASCADE
);
CREATE INDEX ix_datasets_uploaded ON datasets (uploaded_at, id);
CREATE INDEX ix_datasets_file ON datasets (file_id);
CREATE INDEX ix_datasets_owner ON datasets (owner_id);
