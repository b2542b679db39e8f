CREATE TABLE campaign (
    id         UUID PRIMARY KEY,
    slug       TEXT NOT NULL UNIQUE,
    name       TEXT NOT NULL,
    starts_on  DATE NOT NULL,
    ends_on    DATE NOT NULL,
    audience   TEXT,
    hashtag    TEXT,
    defined_by TEXT NOT NULL,
    defined_at TIMESTAMPTZ NOT NULL
);

-- The accounts that post for the campaign.
CREATE TABLE campaign_account (
    campaign_id UUID NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,
    position    INT NOT NULL,
    network     TEXT NOT NULL,
    account     TEXT NOT NULL,
    PRIMARY KEY (campaign_id, position)
);

-- The body's corporate accounts that share (repost) the campaign's posts.
CREATE TABLE campaign_share_account (
    campaign_id UUID NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,
    position    INT NOT NULL,
    network     TEXT NOT NULL,
    account     TEXT NOT NULL,
    PRIMARY KEY (campaign_id, position)
);

CREATE TABLE live_event (
    id         UUID PRIMARY KEY,
    name       TEXT NOT NULL,
    starts_at  TIMESTAMPTZ NOT NULL,
    ends_at    TIMESTAMPTZ NOT NULL,
    hashtag    TEXT,
    defined_by TEXT NOT NULL,
    defined_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE live_event_account (
    live_event_id UUID NOT NULL REFERENCES live_event (id) ON DELETE CASCADE,
    position      INT NOT NULL,
    network       TEXT NOT NULL,
    account       TEXT NOT NULL,
    PRIMARY KEY (live_event_id, position)
);
