-- Issue 11: themes (near-duplicate mentions grouped by MinHash/LSH) and spikes (per tracked query, per 5 minutes).

-- One row per theme; every mention that is compared joins one (a theme of one is a mention nobody repeated yet).
-- signature is the first mention's MinHash signature: later mentions are compared with it, so a theme cannot drift.
CREATE TABLE theme (
    id         UUID PRIMARY KEY,
    label      TEXT        NOT NULL,
    query_id   UUID,
    signature  INTEGER[]   NOT NULL,
    first_seen TIMESTAMPTZ NOT NULL,
    last_seen  TIMESTAMPTZ NOT NULL,
    size       INTEGER     NOT NULL
);
-- GET /themes: the open ones (last_seen in the window), largest first.
CREATE INDEX theme_open_idx ON theme (last_seen DESC, size DESC);

-- The LSH index: one key per band of each open theme's signature. No foreign key, no primary key and one index only:
-- the pipeline inserts these in bulk (20 a new theme), and the lookup always joins theme (a key's themes are few).
-- Rows of themes closed longer than the window are deleted by ThemePruner (a join on theme, every 10 minutes).
CREATE TABLE theme_band (
    band_key BIGINT NOT NULL,
    theme_id UUID   NOT NULL
);
CREATE INDEX theme_band_key_idx ON theme_band (band_key);

-- GET /themes/{id} reads a theme's mentions through mention_theme_idx, which V10 (the inbox's theme filter) creates.

-- Mentions stored per tracked query per 5-minute window of received_at, counted by the pipeline in its batch.
CREATE TABLE query_window_count (
    query_id     UUID        NOT NULL,
    window_start TIMESTAMPTZ NOT NULL,
    count        BIGINT      NOT NULL,
    PRIMARY KEY (query_id, window_start)
);

-- The EWMA baseline of each query, advanced one closed window at a time by the SpikeDetector.
CREATE TABLE spike_baseline (
    query_id    UUID PRIMARY KEY,
    next_window TIMESTAMPTZ      NOT NULL,
    mean        DOUBLE PRECISION NOT NULL,
    variance    DOUBLE PRECISION NOT NULL,
    windows     BIGINT           NOT NULL
);

-- One row per spike (query, window): what MentionSpikeDetected said, and who acknowledged it.
CREATE TABLE spike (
    id                 UUID PRIMARY KEY,
    query_id           UUID             NOT NULL,
    query_name         TEXT             NOT NULL,
    window_start       TIMESTAMPTZ      NOT NULL,
    window_end         TIMESTAMPTZ      NOT NULL,
    count              BIGINT           NOT NULL,
    baseline_mean      DOUBLE PRECISION NOT NULL,
    baseline_deviation DOUBLE PRECISION NOT NULL,
    score              DOUBLE PRECISION NOT NULL,
    top_themes         JSONB            NOT NULL,
    samples            JSONB            NOT NULL,
    detected_at        TIMESTAMPTZ      NOT NULL,
    acknowledged_by    TEXT,
    acknowledged_at    TIMESTAMPTZ,
    acknowledgement    TEXT,
    UNIQUE (query_id, window_start)
);
CREATE INDEX spike_recent_idx ON spike (detected_at DESC);
