-- Per-network variants, post-level references, the summary status as a column (so listing filters before paging),
-- and the immutable version history.
ALTER TABLE post
    ADD COLUMN thread_parts        JSONB NOT NULL DEFAULT '[]',
    ADD COLUMN campaign            TEXT,
    ADD COLUMN live_event_id       UUID,
    ADD COLUMN essential_reason    TEXT,
    ADD COLUMN reply_to_mention_id UUID,
    ADD COLUMN repost_of           JSONB,
    ADD COLUMN status              TEXT NOT NULL DEFAULT 'DRAFT';

ALTER TABLE post_target
    ADD COLUMN text          TEXT,
    ADD COLUMN title         TEXT,
    ADD COLUMN media_ids     JSONB NOT NULL DEFAULT '[]',
    ADD COLUMN first_comment TEXT,
    ADD COLUMN shares        TEXT;

-- Same summary as PostStatus.summarise for the posts that already exist.
UPDATE post p SET status = COALESCE((
    SELECT CASE
               WHEN count(DISTINCT t.status) = 1 THEN min(t.status)
               WHEN bool_or(t.status = 'CLEARED') THEN 'PUBLISHING'
               WHEN bool_or(t.status = 'PUBLISHED') THEN 'PARTLY_PUBLISHED'
               ELSE 'FAILED' END
    FROM post_target t WHERE t.post_id = p.id), 'DRAFT');

CREATE INDEX post_status_idx ON post (status);
CREATE INDEX post_campaign_idx ON post (campaign);
CREATE INDEX post_scheduled_at_idx ON post (scheduled_at);
CREATE INDEX post_updated_at_idx ON post (updated_at);
CREATE INDEX post_target_account_idx ON post_target (account);
CREATE INDEX post_target_post_idx ON post_target (post_id);

CREATE TABLE post_version (
    id           UUID PRIMARY KEY,
    post_id      UUID NOT NULL REFERENCES post (id) ON DELETE CASCADE,
    version      INT NOT NULL,
    content_hash TEXT NOT NULL,
    content      JSONB NOT NULL,
    created_by   TEXT NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    UNIQUE (post_id, version)
);

-- A version is what a clearer cleared: once written it never changes.
CREATE FUNCTION post_version_immutable() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'post_version rows are immutable';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER post_version_no_update BEFORE UPDATE ON post_version
    FOR EACH ROW EXECUTE FUNCTION post_version_immutable();

-- The current version of every existing post, in the new content shape.
INSERT INTO post_version (id, post_id, version, content_hash, content, created_by, created_at)
SELECT gen_random_uuid(), p.id, p.version, p.content_hash,
       jsonb_build_object('text', p.text, 'threadParts', '[]'::jsonb,
           'targets', COALESCE((SELECT jsonb_agg(jsonb_build_object('network', t.network, 'account', t.account,
                                   'mediaIds', '[]'::jsonb) ORDER BY t.position)
                                FROM post_target t WHERE t.post_id = p.id), '[]'::jsonb),
           'scheduledAt', p.scheduled_at),
       p.author, p.updated_at
FROM post p;
