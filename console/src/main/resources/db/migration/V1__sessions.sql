-- Signed-in sessions: the browser's cookie holds only the key; the tokens stay here, sealed with AES-GCM.
CREATE TABLE console_session (
    id          TEXT PRIMARY KEY,
    tokens      BYTEA NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX console_session_expires ON console_session (expires_at);
