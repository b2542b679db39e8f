CREATE TABLE post (
    id           UUID PRIMARY KEY,
    author       TEXT NOT NULL,
    text         TEXT NOT NULL,
    version      INT NOT NULL,
    content_hash TEXT NOT NULL,
    scheduled_at TIMESTAMPTZ,
    created_at   TIMESTAMPTZ NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL,
    submitted_at TIMESTAMPTZ,
    decided_by   TEXT,
    decision_comment TEXT
);
CREATE INDEX post_author_idx ON post (author);

CREATE TABLE post_target (
    id             UUID PRIMARY KEY,
    post_id        UUID NOT NULL REFERENCES post (id) ON DELETE CASCADE,
    position       INT NOT NULL,
    network        TEXT NOT NULL,
    account        TEXT NOT NULL,
    status         TEXT NOT NULL,
    external_id    TEXT,
    url            TEXT,
    failure_reason TEXT,
    UNIQUE (post_id, network, account)
);
CREATE INDEX post_target_status_idx ON post_target (status);
