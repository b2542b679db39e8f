-- How each account was connected and what keeps it connected: the refresh token (sealed like the access token, bound
-- to the account with a "#refresh" owner so the two cannot be swapped), expiries, and whether an admin must connect
-- it again (the network refused the refresh or the token) and why.
ALTER TABLE connected_account
    ADD COLUMN method             TEXT NOT NULL DEFAULT 'token',
    ADD COLUMN refresh_iv         BYTEA,
    ADD COLUMN refresh_ciphertext BYTEA,
    ADD COLUMN expires_at         TIMESTAMPTZ,
    ADD COLUMN refresh_expires_at TIMESTAMPTZ,
    ADD COLUMN scope              TEXT,
    ADD COLUMN refreshed_at       TIMESTAMPTZ,
    -- A refresh under way (claim -> call -> record): another replica leaves the account alone until it is old.
    ADD COLUMN refresh_claimed_at TIMESTAMPTZ,
    ADD COLUMN needs_reconnect    BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN reconnect_reason   TEXT;
-- The refresher's question, "what expires soon?", only concerns refreshable, usable accounts.
CREATE INDEX connected_account_expiry_idx ON connected_account (expires_at)
    WHERE refresh_ciphertext IS NOT NULL AND NOT needs_reconnect;

-- A connect an admin started and whose callback has not come yet. The state (256 random bits) is the callback's only
-- proof, so only its SHA-256 is stored; what the flow keeps until the callback (PKCE verifier, OAuth 1.0a request
-- token secret) is sealed. Single use (used_at) and short-lived (expires_at).
CREATE TABLE oauth_attempt (
    state_hash     TEXT PRIMARY KEY,
    network        TEXT NOT NULL,
    account        TEXT NOT NULL,
    requested_by   TEXT NOT NULL,
    kept_iv        BYTEA,
    kept_ciphertext BYTEA,
    created_at     TIMESTAMPTZ NOT NULL,
    expires_at     TIMESTAMPTZ NOT NULL,
    used_at        TIMESTAMPTZ
);

-- Held publications are found by account when it is connected again.
CREATE INDEX publication_held_idx ON publication (network, account) WHERE status = 'HELD';
