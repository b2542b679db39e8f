-- Mentions monitoring has seen, so that a reply can name the post it answers.
CREATE TABLE known_mention (
    mention_id   UUID PRIMARY KEY,
    network      TEXT NOT NULL,
    external_id  TEXT NOT NULL,
    account      TEXT NOT NULL,
    author_id    TEXT,
    author_name  TEXT,
    text         TEXT,
    url          TEXT,
    mentioned_at TIMESTAMPTZ,
    received_at  TIMESTAMPTZ
);
