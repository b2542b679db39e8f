-- One case per submitted post version. The content clearers see is the content the publisher will publish.
CREATE TABLE clearance_case (
    id               UUID PRIMARY KEY,
    post_id          UUID NOT NULL,
    version          INT NOT NULL,
    content_hash     TEXT NOT NULL,
    author           TEXT NOT NULL,
    text             TEXT NOT NULL,
    targets          JSONB NOT NULL,
    scheduled_at     TIMESTAMPTZ,
    submitted_at     TIMESTAMPTZ NOT NULL,
    status           TEXT NOT NULL,
    decided_by       TEXT,
    decision_comment TEXT,
    decided_at       TIMESTAMPTZ,
    UNIQUE (post_id, version)
);
CREATE INDEX clearance_case_status_idx ON clearance_case (status, submitted_at);
