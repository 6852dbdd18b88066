-- SQL Server dialect of the API key store; keep in step with ../h2 and ../mariadb.
-- chat-gateway owns the keys' logic and never stores a key: only its hex SHA-256 (key_hash, looked up on every
-- authenticated call) and its first characters (key_prefix) so people can recognise a key in a listing.
-- Identifiers are binary-collated (exact match, as on H2 and MariaDB utf8mb4_bin).
CREATE TABLE api_keys (
    id         NVARCHAR(36) COLLATE Latin1_General_100_BIN2 NOT NULL CONSTRAINT pk_api_keys PRIMARY KEY,
    key_hash   NCHAR(64) COLLATE Latin1_General_100_BIN2 NOT NULL,
    key_prefix NVARCHAR(12)  NOT NULL,
    user_id    NVARCHAR(64) COLLATE Latin1_General_100_BIN2 NOT NULL,
    role       NVARCHAR(16) COLLATE Latin1_General_100_BIN2 NOT NULL,
    created_at DATETIME2(6)  NOT NULL,
    CONSTRAINT uq_api_keys_hash UNIQUE (key_hash)
);
CREATE INDEX ix_api_keys_user ON api_keys (user_id, created_at);
CREATE INDEX ix_api_keys_created ON api_keys (created_at, id);
