-- Issue 11: themes (near-duplicate mentions grouped by MinHash/LSH) and spikes (per tracked query, per 5 minutes).

-- One row per theme; every mention that is compared joins one (a theme of one is a mention nobody repeated yet).
-- signature is the first mention's MinHash signature: later mentions are compared with it, so a theme cannot drift.
-- bands holds the signature's LSH band keys (20) while the theme is open; ThemePruner sets it to NULL once the theme
-- has been closed longer than the window, so the key index holds the open themes only.
CREATE TABLE theme (
    id         UUID PRIMARY KEY,
    label      TEXT        NOT NULL,
    query_id   UUID,
    signature  INTEGER[]   NOT NULL,
    bands      BIGINT[],
    first_seen TIMESTAMPTZ NOT NULL,
    last_seen  TIMESTAMPTZ NOT NULL,
    size       INTEGER     NOT NULL
);
-- GET /themes: the open ones (last_seen in the window), largest first.
CREATE INDEX theme_open_idx ON theme (last_seen DESC, size DESC);

-- The LSH index: the pipeline looks up every band key of its batch at once with bands && keys. One row and one index
-- tuple set per new theme instead of a row per key (a separate key table cost 21 rows a new theme, most mentions
-- being new). fastupdate is off on purpose: a GIN scan compares each of its keys with every row in the pending list,
-- and the batch's lookup has tens of thousands of keys while the pipeline keeps the pending list full.
CREATE INDEX theme_bands_idx ON theme USING gin (bands) WITH (fastupdate = off) WHERE bands IS NOT NULL;
-- ThemePruner: the themes whose keys are still indexed, by age.
CREATE INDEX theme_keyed_idx ON theme (last_seen) WHERE bands IS NOT NULL;

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
