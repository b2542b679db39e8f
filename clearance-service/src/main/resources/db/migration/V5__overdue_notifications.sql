-- Issue 9: leads are told of overdue cases by e-mail and chat webhook. A notification is written here in the overdue
-- scan's own transaction (so it exists exactly when the case was marked overdue) and delivered afterwards by a
-- scheduled sender; a failed delivery stays here with its error and is tried again later, never dropped.
CREATE TABLE overdue_notification (
    id              UUID PRIMARY KEY,
    case_id         UUID        NOT NULL REFERENCES clearance_case (id),
    post_id         UUID        NOT NULL,
    route           TEXT        NOT NULL,
    channel         TEXT        NOT NULL CHECK (channel IN ('EMAIL', 'WEBHOOK')),
    -- Comma-separated e-mail addresses, or the webhook's URL
    recipient       TEXT        NOT NULL,
    subject         TEXT        NOT NULL,
    body            TEXT        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    attempts        INTEGER     NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    sent_at         TIMESTAMPTZ,
    last_error      TEXT
);
CREATE INDEX overdue_notification_unsent_idx ON overdue_notification (next_attempt_at) WHERE sent_at IS NULL;
CREATE INDEX overdue_notification_case_idx ON overdue_notification (case_id);
