-- Issue 10: mentions come through the pipeline (raw-mentions topic -> normalise -> clean -> dedupe -> match -> store).

-- A mention that only matched tracked queries names none of the body's accounts.
ALTER TABLE mention ALTER COLUMN account DROP NOT NULL;
ALTER TABLE mention
    ADD COLUMN own_account     BOOLEAN NOT NULL DEFAULT TRUE,
    ADD COLUMN matched_queries UUID[]  NOT NULL DEFAULT '{}',
    ADD COLUMN author_handle   TEXT,
    ADD COLUMN lang            TEXT,
    ADD COLUMN delivered_at    TIMESTAMPTZ,
    -- The raw-mentions record (partition, offset) whose batch stored this row. The pipeline announces the rows stored
    -- by a batch's offsets in the Kafka transaction that commits those offsets, so a batch replayed after a crash
    -- between the database commit and the Kafka commit announces exactly those rows again (and no others).
    ADD COLUMN raw_partition   INTEGER,
    ADD COLUMN raw_offset      BIGINT;
CREATE INDEX mention_raw_position_idx ON mention (raw_partition, raw_offset) WHERE raw_partition IS NOT NULL;

-- Every id a stored mention is known by on its network: its own and every alias (X: each id of its edit history;
-- Bluesky: at-uri + cid of other versions). An item any of whose ids is here is a repeat or an edit of that mention.
CREATE TABLE mention_seen_id (
    network    TEXT NOT NULL,
    seen_id    TEXT NOT NULL,
    mention_id UUID NOT NULL REFERENCES mention (id),
    PRIMARY KEY (network, seen_id)
);
-- Mentions stored before the pipeline are known by their own id.
INSERT INTO mention_seen_id (network, seen_id, mention_id) SELECT network, external_id, id FROM mention;
