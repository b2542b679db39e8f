-- What the last poll of each of the body's own feeds answered, for conditional GETs.
CREATE TABLE feed_state (
    feed_name      TEXT PRIMARY KEY,
    etag           TEXT,
    last_modified  TEXT,
    last_polled_at TIMESTAMPTZ
);

-- Each new item of a feed, offered to drafters as the start of a post.
CREATE TABLE feed_suggestion (
    id           UUID PRIMARY KEY,
    feed_name    TEXT NOT NULL,
    item_key     TEXT NOT NULL,
    title        TEXT NOT NULL,
    summary      TEXT,
    link         TEXT,
    published_at TIMESTAMPTZ,
    found_at     TIMESTAMPTZ NOT NULL,
    status       TEXT NOT NULL,
    post_id      UUID,
    decided_by   TEXT,
    UNIQUE (feed_name, item_key)
);
CREATE INDEX feed_suggestion_status_idx ON feed_suggestion (status, found_at);
