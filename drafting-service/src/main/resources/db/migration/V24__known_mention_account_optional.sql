-- Since issue 10 monitoring also reports mentions that only match a tracked query: they name none of the body's
-- accounts (MentionReceived.account is null, ownAccount false).
ALTER TABLE known_mention ALTER COLUMN account DROP NOT NULL;
