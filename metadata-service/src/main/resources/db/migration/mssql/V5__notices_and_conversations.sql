-- SQL Server dialect of the notice board and the chat memory; keep in step with ../h2 and ../mariadb.
-- Identifiers are binary-collated; titles are NVARCHAR(400) (UTF-16 units for 200 code points).
CREATE TABLE notices (
    id         NVARCHAR(36) COLLATE Latin1_General_100_BIN2 NOT NULL CONSTRAINT pk_notices PRIMARY KEY,
    title      NVARCHAR(400)  NOT NULL,
    body       NVARCHAR(MAX)  NOT NULL,
    author     NVARCHAR(128) COLLATE Latin1_General_100_BIN2 NOT NULL,
    created_at DATETIME2(6)   NOT NULL
);
CREATE INDEX ix_notices_created ON notices (created_at, id);

CREATE TABLE conversations (
    id         NVARCHAR(36) COLLATE Latin1_General_100_BIN2 NOT NULL CONSTRAINT pk_conversations PRIMARY KEY,
    owner_id   NVARCHAR(128) COLLATE Latin1_General_100_BIN2 NOT NULL,
    title      NVARCHAR(400),
    created_at DATETIME2(6)   NOT NULL,
    updated_at DATETIME2(6)   NOT NULL
);
CREATE INDEX ix_conversations_owner ON conversations (owner_id, updated_at);
CREATE INDEX ix_conversations_updated ON conversations (updated_at, id);

-- Messages go with their conversation (the service deletes them first; the cascade is the safety net).
CREATE TABLE conversation_messages (
    id              BIGINT IDENTITY(1, 1) NOT NULL CONSTRAINT pk_conversation_messages PRIMARY KEY,
    conversation_id NVARCHAR(36) COLLATE Latin1_General_100_BIN2 NOT NULL,
    role            NVARCHAR(16)   NOT NULL,
    content         NVARCHAR(MAX)  NOT NULL,
    citations       NVARCHAR(MAX),
    rating          INT,
    created_at      DATETIME2(6)   NOT NULL,
    CONSTRAINT fk_messages_conversation FOREIGN KEY (conversation_id) REFERENCES conversations (id) ON DELETE CASCADE
);
CREATE INDEX ix_messages_conversation ON conversation_messages (conversation_id, id);
