-- Issue 11: working the inbox. Notes are monitors' own words about a mention (never shown to its author); saved
-- replies are reusable answers with placeholders. Both live beside mention_action (V9), the audit trail.

CREATE TABLE mention_note (
    id         UUID PRIMARY KEY,
    mention_id UUID        NOT NULL REFERENCES mention (id),
    author     TEXT        NOT NULL,
    text       TEXT        NOT NULL,
    at         TIMESTAMPTZ NOT NULL
);
CREATE INDEX mention_note_by_mention ON mention_note (mention_id, at);

CREATE TABLE saved_reply (
    id         UUID PRIMARY KEY,
    name       TEXT        NOT NULL,
    text       TEXT        NOT NULL,
    created_by TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    changed_by TEXT        NOT NULL,
    changed_at TIMESTAMPTZ NOT NULL
);
-- Monitors pick a saved reply by name: two with one name would be ambiguous.
CREATE UNIQUE INDEX saved_reply_name ON saved_reply (lower(name));

-- The pipeline inserts thousands of mentions a second, so the mention table gets only partial indexes, most of whose
-- predicates are false on insert (no assignee, no claim yet); the inbox's other filters ride on the received_at order.
CREATE INDEX mention_assignee_idx ON mention (assignee, received_at DESC) WHERE assignee IS NOT NULL;
-- The claim sweep finds expired claims without reading the table.
CREATE INDEX mention_claim_expiry_idx ON mention (claim_expires_at) WHERE claim_holder IS NOT NULL;
-- A theme's mentions (GET /inbox?theme=, bulk actions on a theme, GET /themes/{id}).
CREATE INDEX mention_theme_idx ON mention (theme_id, received_at DESC) WHERE theme_id IS NOT NULL;

-- Several actions of one transaction share an instant (a claim taken over: the expired one released, the new one
-- taken); the history is told in the order they were written. One mention's actions are serialised by its row lock.
ALTER TABLE mention_action ADD COLUMN seq BIGINT GENERATED ALWAYS AS IDENTITY;
DROP INDEX mention_action_by_mention;
CREATE INDEX mention_action_by_mention ON mention_action (mention_id, seq);
