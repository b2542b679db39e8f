-- Emergency stop (policy 1.7): every suspension of publishing, and its resumption once lifted.
CREATE TABLE publishing_suspension (
    id            UUID PRIMARY KEY,
    suspended_by  TEXT NOT NULL,
    reason        TEXT NOT NULL,
    suspended_at  TIMESTAMPTZ NOT NULL,
    resumed_by    TEXT,
    resume_reason TEXT,
    resumed_at    TIMESTAMPTZ,
    CHECK ((resumed_by IS NULL) = (resumed_at IS NULL))
);
-- At most one suspension in force: two leads pressing the stop at once get one suspension and one 409.
CREATE UNIQUE INDEX publishing_suspension_one_active_idx ON publishing_suspension ((true)) WHERE resumed_at IS NULL;
CREATE INDEX publishing_suspension_history_idx ON publishing_suspension (suspended_at DESC);
