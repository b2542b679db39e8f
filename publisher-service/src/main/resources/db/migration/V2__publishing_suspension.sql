-- The emergency stop (policy 1.7) as clearance announced it. While a row has no resumed_at the worker claims
-- nothing: cleared publications stay PENDING (held) and go out, late, once it is resumed. Keyed by clearance's
-- suspension id, so a PublishingSuspended replayed under another event id still adds no second row.
CREATE TABLE publishing_suspension (
    suspension_id UUID PRIMARY KEY,
    suspended_by  TEXT NOT NULL,
    reason        TEXT NOT NULL,
    suspended_at  TIMESTAMPTZ NOT NULL,
    resumed_by    TEXT,
    resume_reason TEXT,
    resumed_at    TIMESTAMPTZ
);
CREATE INDEX publishing_suspension_in_force_idx ON publishing_suspension (suspended_at) WHERE resumed_at IS NULL;
