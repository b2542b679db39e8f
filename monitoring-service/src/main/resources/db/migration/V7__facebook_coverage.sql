-- Facebook Page webhooks have no replay: Meta retries a failed delivery for 36 hours, then drops it. These two tables
-- say how far what happened on the Page is known to be on the raw-mentions topic, so FacebookGapReconciler can read
-- back (GET /{post-id}/comments) what a longer outage lost.

-- One row: the latest time up to which the Page is covered, by a delivery received then or by a reconciliation.
-- Each replica's webhook moves it forward (GREATEST) once a second from memory, never on the request path.
CREATE TABLE facebook_coverage (
    singleton     BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (singleton),
    covered_until TIMESTAMPTZ NOT NULL
);

-- A silence longer than the retry window, seen when deliveries came back: everything in it may be lost. Deleted
-- once the reconciler has read it back.
CREATE TABLE facebook_gap (
    gap_from  TIMESTAMPTZ PRIMARY KEY,
    gap_until TIMESTAMPTZ NOT NULL
);
