-- What a target publishes beyond its text, as cleared: thread parts, first comment, media, the post it replies to
-- or reposts (JSON of PublicationContent). NULL for rows from before content existed: they are one plain post.
ALTER TABLE publication ADD COLUMN content TEXT;
-- A corporate account sharing another target of the same post version: claimed only once that target is settled.
ALTER TABLE publication ADD COLUMN shares_target_id UUID;
-- Cleared after its scheduled time, so published at once; PostPublished says so.
ALTER TABLE publication ADD COLUMN late BOOLEAN NOT NULL DEFAULT FALSE;
-- Progress through the target's calls (post, thread parts, first comment). Each call commits its step before the
-- next is claimed, so a crash never repeats a part already live: the interrupted step fails as outcome unknown.
ALTER TABLE publication ADD COLUMN steps_done INT NOT NULL DEFAULT 0;
-- The id of the last part published, which the next thread part replies to.
ALTER TABLE publication ADD COLUMN last_external_id TEXT;
CREATE INDEX publication_shares_idx ON publication (post_id, version, target_id);

-- Post versions drafting withdrew. Kept, not just applied, because the clearance of the same version travels on
-- another topic and may arrive after the withdrawal: it is then recorded as WITHDRAWN and never published.
CREATE TABLE withdrawn_version (
    post_id      UUID NOT NULL,
    version      INT NOT NULL,
    withdrawn_by TEXT NOT NULL,
    reason       TEXT NOT NULL,
    withdrawn_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (post_id, version)
);
