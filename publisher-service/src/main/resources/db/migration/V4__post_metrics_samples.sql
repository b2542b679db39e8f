-- The campaign a cleared post version belongs to (PostCleared.campaign().slug()), kept so each metrics sample of its
-- publications can name it. Only posts with a campaign have a row.
CREATE TABLE post_campaign (
    post_id  UUID NOT NULL,
    version  INT NOT NULL,
    campaign TEXT NOT NULL,
    PRIMARY KEY (post_id, version)
);

-- One row per published target and sample age (1h, 6h, 24h, 7d, 30d after publication), written in the transaction
-- that records the PostPublished. Unique per publication (one target of one version) and age: a sample is taken once.
-- DUE -> SAMPLING (claimed, committed before the network call) -> SAMPLED (with its PostMetricsSampled) | GIVEN_UP
-- (a permanent refusal: post deleted, token revoked, account disconnected), or back to DUE after a transient failure.
CREATE TABLE metrics_sample (
    id             UUID PRIMARY KEY,
    publication_id UUID NOT NULL,
    post_id        UUID NOT NULL,
    version        INT NOT NULL,
    target_id      UUID NOT NULL,
    network        TEXT NOT NULL,
    account        TEXT NOT NULL,
    external_id    TEXT NOT NULL,
    campaign       TEXT,
    published_at   TIMESTAMPTZ NOT NULL,
    sample_age     TEXT NOT NULL,
    due_at         TIMESTAMPTZ NOT NULL,
    status         TEXT NOT NULL,
    attempts       INT NOT NULL DEFAULT 0,
    claim_id       UUID,
    claimed_at     TIMESTAMPTZ,
    sampled_at     TIMESTAMPTZ,
    metrics        TEXT,
    failure_reason TEXT,
    created_at     TIMESTAMPTZ NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL,
    UNIQUE (publication_id, sample_age)
);
CREATE INDEX metrics_sample_due_idx ON metrics_sample (due_at) WHERE status = 'DUE';
CREATE INDEX metrics_sample_claimed_idx ON metrics_sample (claimed_at) WHERE status = 'SAMPLING';

-- Insights metrics a network refused as no longer valid (Graph's "(#100) The value must be a valid insights metric"
-- fails the whole request): not asked for again, and reported as unavailable in every sample.
CREATE TABLE withdrawn_metric (
    network     TEXT NOT NULL,
    metric      TEXT NOT NULL,
    message     TEXT NOT NULL,
    detected_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (network, metric)
);
