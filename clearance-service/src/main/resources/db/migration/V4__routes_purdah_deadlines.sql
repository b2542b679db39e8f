-- Issue 4: routes with steps, impartiality and purdah flags, deadlines, pre-election periods, crisis mode, duty.

-- The case keeps the whole PostDrafted (campaign, live event, repost, warnings...) so the final step can copy every
-- content field into PostCleared and the case view can show the post as drafted.
ALTER TABLE clearance_case
    ADD COLUMN drafted       JSONB,
    ADD COLUMN route         TEXT NOT NULL DEFAULT 'normal',
    ADD COLUMN route_reason  TEXT,
    ADD COLUMN steps_taken   JSONB NOT NULL DEFAULT '[]',
    ADD COLUMN flags         JSONB NOT NULL DEFAULT '[]',
    ADD COLUMN flagged       BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN campaign_slug TEXT,
    -- Space-separated with a leading and trailing space (" X FACEBOOK "), so a network filters with LIKE '% X %'.
    ADD COLUMN networks      TEXT NOT NULL DEFAULT ' ',
    ADD COLUMN due_at        TIMESTAMPTZ,
    ADD COLUMN overdue_at    TIMESTAMPTZ;
CREATE INDEX clearance_case_due_idx ON clearance_case (status, due_at);

-- Pre-election periods (purdah). Cancelled periods stay, for the record.
CREATE TABLE pre_election_period (
    id            UUID PRIMARY KEY,
    name          TEXT NOT NULL,
    kind          TEXT NOT NULL,
    scope         TEXT NOT NULL,
    starts_at     TIMESTAMPTZ NOT NULL,
    ends_at       TIMESTAMPTZ NOT NULL,
    declared_by   TEXT NOT NULL,
    declared_at   TIMESTAMPTZ NOT NULL,
    cancelled_by  TEXT,
    cancel_reason TEXT,
    cancelled_at  TIMESTAMPTZ,
    CHECK (ends_at > starts_at)
);
CREATE INDEX pre_election_period_span_idx ON pre_election_period (starts_at, ends_at) WHERE cancelled_at IS NULL;

-- An essential post cleared during a pre-election period: who let it through, why and when.
CREATE TABLE pre_election_exemption (
    id               UUID PRIMARY KEY,
    period_id        UUID NOT NULL REFERENCES pre_election_period (id),
    case_id          UUID NOT NULL REFERENCES clearance_case (id),
    post_id          UUID NOT NULL,
    version          INT NOT NULL,
    granted_by       TEXT NOT NULL,
    essential_reason TEXT NOT NULL,
    comment          TEXT,
    granted_at       TIMESTAMPTZ NOT NULL
);
CREATE INDEX pre_election_exemption_granted_idx ON pre_election_exemption (granted_at DESC);

-- Crisis mode: while one row is open, new cases take the crisis route.
CREATE TABLE crisis_mode (
    id           UUID PRIMARY KEY,
    started_by   TEXT NOT NULL,
    reason       TEXT NOT NULL,
    started_at   TIMESTAMPTZ NOT NULL,
    ended_by     TEXT,
    end_reason   TEXT,
    ended_at     TIMESTAMPTZ,
    CHECK ((ended_by IS NULL) = (ended_at IS NULL))
);
CREATE UNIQUE INDEX crisis_mode_one_active_idx ON crisis_mode ((true)) WHERE ended_at IS NULL;

-- Which clearers are on duty for live-event quick posts.
CREATE TABLE clearer_duty (
    username   TEXT PRIMARY KEY,
    on_duty    BOOLEAN NOT NULL,
    changed_at TIMESTAMPTZ NOT NULL
);

-- Bank holiday data uploaded by an admin (gov.uk format); the newest replaces the copy shipped with the service.
CREATE TABLE bank_holiday_upload (
    id          UUID PRIMARY KEY,
    content     TEXT NOT NULL,
    first_year  INT NOT NULL,
    last_year   INT NOT NULL,
    uploaded_by TEXT NOT NULL,
    uploaded_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX bank_holiday_upload_newest_idx ON bank_holiday_upload (uploaded_at DESC);
