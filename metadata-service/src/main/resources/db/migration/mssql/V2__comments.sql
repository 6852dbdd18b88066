-- SQL Server dialect of the comments table; keep in step with ../h2 and ../mariadb.
-- Names and labels are binary-collated (exact match, as on H2 and MariaDB utf8mb4_bin); the comment text itself is
-- NVARCHAR(MAX) in the default collation. status is stored so the claim query (UPDLOCK, ROWLOCK, READPAST) is an index
-- range on (status, num); max_attempts is the limit of the claim that last leased the row.
CREATE TABLE comments (
    num               BIGINT IDENTITY(1, 1) NOT NULL CONSTRAINT pk_comments PRIMARY KEY,
    comments          NVARCHAR(MAX)  NOT NULL,
    request_user      NVARCHAR(150) COLLATE Latin1_General_100_BIN2 NOT NULL,
    request_time      DATETIME2(6)   NOT NULL,
    status            NVARCHAR(16) COLLATE Latin1_General_100_BIN2 NOT NULL,
    prediction_result NVARCHAR(16) COLLATE Latin1_General_100_BIN2,
    prediction_score  FLOAT(53),
    model_version     NVARCHAR(100) COLLATE Latin1_General_100_BIN2,
    predicted_at      DATETIME2(6),
    true_label        NVARCHAR(16) COLLATE Latin1_General_100_BIN2,
    feedback          NVARCHAR(2000),
    labelled_by       NVARCHAR(150) COLLATE Latin1_General_100_BIN2,
    labelled_at       DATETIME2(6),
    lease_owner       NVARCHAR(100) COLLATE Latin1_General_100_BIN2,
    lease_until       DATETIME2(6),
    attempts          INT            NOT NULL CONSTRAINT df_comments_attempts DEFAULT 0,
    max_attempts      INT,
    last_error        NVARCHAR(500)
);
CREATE INDEX ix_comments_claim ON comments (status, num);
CREATE INDEX ix_comments_user ON comments (request_user, num);
CREATE INDEX ix_comments_request_time ON comments (request_time);
