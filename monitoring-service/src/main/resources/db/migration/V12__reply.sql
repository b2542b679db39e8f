-- Issue 11: the replies monitors ask for from the inbox. A reply is drafting's post with the same id (post id = reply
-- id), so the events of drafting, clearance and the publisher about that post find their reply by primary key.
-- state follows the post: REQUESTED -> DRAFTED -> CLEARED | REJECTED | CHANGES_REQUESTED -> PUBLISHED | FAILED, or
-- WITHDRAWN; version is the post version the state belongs to (a decision on an older version is stale).
CREATE TABLE reply (
    id           UUID PRIMARY KEY,
    -- The mention the reply answers on the network; mention_ids are all it answers (a theme's open mentions).
    mention_id   UUID        NOT NULL REFERENCES mention (id),
    mention_ids  UUID[]      NOT NULL,
    theme_id     UUID,
    network      TEXT        NOT NULL,
    account      TEXT        NOT NULL,
    text         TEXT        NOT NULL,
    requested_by TEXT        NOT NULL,
    requested_at TIMESTAMPTZ NOT NULL,
    state        TEXT        NOT NULL,
    version      INTEGER     NOT NULL DEFAULT 0,
    -- Who decided and why (a rejection's comment, a failed publication's reason).
    decided_by   TEXT,
    detail       TEXT,
    external_id  TEXT,
    url          TEXT,
    updated_at   TIMESTAMPTZ NOT NULL
);

CREATE INDEX reply_by_mention ON reply USING GIN (mention_ids);
CREATE INDEX mention_by_reply ON mention (reply_id) WHERE reply_id IS NOT NULL;
