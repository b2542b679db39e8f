-- Issue 11: the inbox's audit trail. Every action on a mention (a person's, or the service's own as "system") is a row
-- here, written in the same transaction as the change and its MentionActioned event; never updated or deleted.
CREATE TABLE mention_action (
    id         UUID PRIMARY KEY,
    mention_id UUID        NOT NULL REFERENCES mention (id),
    action     TEXT        NOT NULL,
    actor      TEXT        NOT NULL,
    state      TEXT        NOT NULL,
    assignee   TEXT,
    detail     TEXT,
    at         TIMESTAMPTZ NOT NULL
);

CREATE INDEX mention_action_by_mention ON mention_action (mention_id, at);
