-- MariaDB dialect of the comments table; keep in step with ../h2 and ../mssql.
-- status is stored (pending | predicted | failed) so the claim query (FOR UPDATE SKIP LOCKED, MariaDB >= 10.6) is an
-- index range on (status, num); max_attempts is the limit of the claim that last leased the row, so a failure report
-- knows when the row is failed. utf8mb4: comments carry emoji.
CREATE TABLE comments (
    num               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    comments          LONGTEXT      NOT NULL,
    request_user      VARCHAR(150)  NOT NULL,
    request_time      DATETIME(6)   NOT NULL,
    status            VARCHAR(16)   NOT NULL,
    prediction_result VARCHAR(16),
    prediction_score  DOUBLE,
    model_version     VARCHAR(100),
    predicted_at      DATETIME(6),
    true_label        VARCHAR(16),
    feedback          VARCHAR(2000),
    labelled_by       VARCHAR(150),
    labelled_at       DATETIME(6),
    lease_owner       VARCHAR(100),
    lease_until       DATETIME(6),
    attempts          INT           NOT NULL DEFAULT 0,
    max_attempts      INT,
    last_error        VARCHAR(500),
    INDEX ix_comments_claim (status, num),
    INDEX ix_comments_user (request_user, num),
    INDEX ix_comments_request_time (request_time)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
