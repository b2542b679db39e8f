-- Why a publication that is not going out now waits, and until when (due_at): a rate budget, a held account. Shown
-- on the target; NULL when nothing holds it back.
ALTER TABLE publication ADD COLUMN wait_reason TEXT;

-- What a connector kept between tries of one step of one publication (StepMemory): a Threads container id, a YouTube
-- upload session, a Bluesky blob. Written in its own committed transaction before the connector goes on, so a retry
-- after a crash or an unknown outcome reuses what the first try made.
CREATE TABLE publication_step_memory (
    publication_id UUID NOT NULL,
    step           INT NOT NULL,
    name           TEXT NOT NULL,
    value          TEXT NOT NULL,
    saved_at       TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (publication_id, step, name)
);
