-- A publication whose last call's outcome is unknown (a lost answer, a timeout, a crash mid-call) waits PENDING with
-- reconciling set: its next claim asks the network what became of that call (NetworkConnector.reconcile) instead of
-- publishing blindly. reconcile_tries counts those questions, for their backoff; they are never a reason to fail.
ALTER TABLE publication ADD COLUMN reconciling BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE publication ADD COLUMN reconcile_tries INT NOT NULL DEFAULT 0;

-- When the post itself (its first step) went live: rate budgets count the posts made in their window from here,
-- so the ledger is the only counter. Rows published before this column existed count from published_at.
ALTER TABLE publication ADD COLUMN live_at TIMESTAMPTZ;
UPDATE publication SET live_at = COALESCE(published_at, updated_at) WHERE steps_done > 0;
CREATE INDEX publication_live_at ON publication (network, account, live_at) WHERE live_at IS NOT NULL;
