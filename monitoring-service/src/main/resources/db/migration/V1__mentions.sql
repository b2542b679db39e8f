-- One row per mention of one of the body's accounts; a network's retries of one delivery land on the same row.
CREATE TABLE mention (
    id           UUID PRIMARY KEY,
    network      TEXT NOT NULL,
    external_id  TEXT NOT NULL,
    account      TEXT NOT NULL,
    author_id    TEXT,
    author_name  TEXT,
    text         TEXT NOT NULL,
    url          TEXT,
    mentioned_at TIMESTAMPTZ NOT NULL,
    received_at  TIMESTAMPTZ NOT NULL,
    status       TEXT NOT NULL,
    UNIQUE (network, external_id)
);
-- The inbox lists newest first, usually filtered by network and status.
CREATE INDEX mention_inbox_idx ON mention (received_at DESC, mentioned_at DESC);
CREATE INDEX mention_network_status_idx ON mention (network, status);
