-- H2 dialect of the datasets table; keep in step with ../mariadb and ../mssql.
-- A dataset points at the stored file holding its CSV; deleting the file (ingest-service deletes the row first)
-- removes its datasets, so the catalogue never lists a dataset whose bytes are gone.
-- name is VARCHAR(400): H2 counts UTF-16 units, and the API allows 200 code points (an emoji takes two units).
CREATE TABLE datasets (
    id           VARCHAR(36)   NOT NULL PRIMARY KEY,
    name         VARCHAR(400)  NOT NULL,
    file_id      VARCHAR(36)   NOT NULL,
    owner_id     VARCHAR(128),
    num_rows     INT           NOT NULL,
    num_contexts INT           NOT NULL,
    column_names CLOB          NOT NULL,
    uploaded_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT fk_datasets_file FOREIGN KEY (file_id) REFERENCES files (id) ON DELETE CASCADE
);
CREATE INDEX ix_datasets_uploaded ON datasets (uploaded_at, id);
CREATE INDEX ix_datasets_file ON datasets (file_id);
CREATE INDEX ix_datasets_owner ON datasets (owner_id);
