-- H2 dialect of the API key store; keep in step with ../mariadb and ../mssql.
-- chat-gateway owns the keys' logic and never stores a key: only its hex SHA-256 (key_hash, looked up on every
-- authenticated call) and its first characters (key_prefix) so people can recognise a key in a listing.
CREATE TABLE api_keys (
    id         VARCHAR(36)  NOT NULL PRIMARY KEY,
    key_hash   CHAR(64)     NOT NULL,
    key_prefix VARCHAR(12)  NOT NULL,
    user_id    VARCHAR(64)  NOT NULL,
    role       VARCHAR(16)  NOT NULL,
    created_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_api_keys_hash UNIQUE (key_hash)
);
CREATE INDEX ix_api_keys_user ON api_keys (user_id, created_at);
CREATE INDEX ix_api_keys_created ON api_keys (created_at, id);
