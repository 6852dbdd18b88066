-- MariaDB dialect of the notice board and the chat memory; keep in step with ../h2 and ../mssql.
-- utf8mb4 VARCHAR counts code points; 20000 code points may take 80000 bytes, more than TEXT holds: MEDIUMTEXT.
CREATE TABLE notices (
    id         VARCHAR(36)  NOT NULL PRIMARY KEY,
    title      VARCHAR(200) NOT NULL,
    body       MEDIUMTEXT   NOT NULL,
    author     VARCHAR(128) NOT NULL,
    created_at DATETIME(6)  NOT NULL,
    INDEX ix_notices_created (created_at, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE conversations (
    id         VARCHAR(36)  NOT NULL PRIMARY KEY,
    owner_id   VARCHAR(128) NOT NULL,
    title      VARCHAR(200),
    created_at DATETIME(6)  NOT NULL,
    updated_at DATETIME(6)  NOT NULL,
    INDEX ix_conversations_owner (owner_id, updated_at),
    INDEX ix_conversations_updated (updated_at, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Messages go with their conversation (the service deletes them first; the cascade is the safety net).
CREATE TABLE conversation_messages (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    conversation_id VARCHAR(36)  NOT NULL,
    role            VARCHAR(16)  NOT NULL,
    content         MEDIUMTEXT   NOT NULL,
    citations       LONGTEXT,
    rating          INT,
    created_at      DATETIME(6)  NOT NULL,
    CONSTRAINT fk_messages_conversation FOREIGN KEY (conversation_id) REFERENCES conversations (id) ON DELETE CASCADE,
    INDEX ix_messages_conversation (conversation_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
