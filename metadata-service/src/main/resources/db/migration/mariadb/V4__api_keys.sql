-- MariaDB dialect of the API key store; keep in step with ../h2 and ../mssql.
-- chat-gateway owns the keys' logic and never stores a key: only its hex SHA-256 (key_hash, looked up on every
-- authenticated call) and its first characters (key_prefix) so people can recognise a key in a listing.
CREATE TABLE api_keys (
    id         VARCHAR(36)  NOT NULL PRIMARY KEY,
    key_hash   CHAR(64)     NOT NULL,
    key_prefix VARCHAR(12)  NOT NULL,
    user_id    VARCHAR(64)  NOT NULL,
    role       VARCHAR(16)  NOT NULL,
    created_at DATETIME(6)  NOT NULL,
    CONSTRAINT uq_api_keys_hash UNIQUE (key_hash),
    INDEX ix_api_keys_user (user_id, created_at),
    INDEX ix_api_keys_created (created_at, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
