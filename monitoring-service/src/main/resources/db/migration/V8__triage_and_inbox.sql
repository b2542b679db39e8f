-- Issue 11: every mention is triaged as it is stored (pipeline), then worked in the inbox. One row keeps both, so the
-- inbox's filters are one indexed query. status holds org.clearpost.events.MentionState's names.

ALTER TABLE mention
    -- Triage (MentionTriaged), written by the pipeline's insert.
    ADD COLUMN sentiment_score    REAL,
    ADD COLUMN sentiment_label    TEXT,
    ADD COLUMN sentiment_drivers  JSONB   NOT NULL DEFAULT '[]',
    ADD COLUMN reasons            JSONB   NOT NULL DEFAULT '[]',
    ADD COLUMN no_response_reason TEXT,
    ADD COLUMN theme_id           UUID,
    ADD COLUMN priority           TEXT    NOT NULL DEFAULT 'LOW',
    ADD COLUMN author_lists       TEXT[]  NOT NULL DEFAULT '{}',
    ADD COLUMN possible_foi       BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN foi_due_at         TIMESTAMPTZ,
    ADD COLUMN hidden             BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN hidden_reasons     TEXT[]  NOT NULL DEFAULT '{}',
    ADD COLUMN due_at             TIMESTAMPTZ,
    ADD COLUMN triaged_at         TIMESTAMPTZ,
    -- The inbox (MentionActioned).
    ADD COLUMN assignee           TEXT,
    ADD COLUMN labels             TEXT[]  NOT NULL DEFAULT '{}',
    ADD COLUMN state_reason       TEXT,
    ADD COLUMN claim_holder       TEXT,
    ADD COLUMN claim_expires_at   TIMESTAMPTZ,
    ADD COLUMN overdue_at         TIMESTAMPTZ,
    ADD COLUMN reply_id           UUID,
    ADD COLUMN answered_at        TIMESTAMPTZ;
