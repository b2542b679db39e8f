-- The publication ledger: one row per target of a cleared post version. The unique key is what makes a redelivered
-- or re-sent PostCleared harmless: it can never create a second publication of the same target.
CREATE TABLE publication (
    id             UUID PRIMARY KEY,
    post_id        UUID NOT NULL,
    version        INT NOT NULL,
    target_id      UUID NOT NULL,
    network        TEXT NOT NULL,
    account        TEXT NOT NULL,
    content_hash   TEXT NOT NULL,
    text           TEXT NOT NULL,
    status         TEXT NOT NULL,
    due_at         TIMESTAMPTZ NOT NULL,
    attempts       INT NOT NULL DEFAULT 0,
    claimed_at     TIMESTAMPTZ,
    external_id    TEXT,
    url            TEXT,
    failure_reason TEXT,
    created_at     TIMESTAMPTZ NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL,
    published_at   TIMESTAMPTZ,
    UNIQUE (post_id, version, target_id)
);
-- The worker's question, "what is due?", only ever concerns pending rows.
CREATE INDEX publication_due_idx ON publication (due_at) WHERE status = 'PENDING';
CREATE INDEX publication_in_flight_idx ON publication (claimed_at) WHERE status = 'PUBLISHING';

-- Accounts an admin connected, with their access token sealed by AES-256-GCM (12-byte IV, ciphertext + tag).
CREATE TABLE connected_account (
    network          TEXT NOT NULL,
    account          TEXT NOT NULL,
    token_iv         BYTEA NOT NULL,
    token_ciphertext BYTEA NOT NULL,
    connected_by     TEXT NOT NULL,
    connected_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (network, account)
);

-- A network told us an account has no calls left until a time: nothing goes to that account before then.
-- Kept apart from connected_account because the limit belongs to the account, whatever token is connected.
CREATE TABLE account_pause (
    network      TEXT NOT NULL,
    account      TEXT NOT NULL,
    paused_until TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (network, account)
);
