-- Policy 5.1 audit trail: an append-only, hash-chained log of every submission, decision, suspension and publication
-- outcome. Each row's hash covers its own fields and the previous row's hash (see AuditHash), so editing or removing a
-- row breaks the chain at that point; GET /audit/verify finds where.
CREATE TABLE audit_log (
    seq         BIGSERIAL PRIMARY KEY,
    id          UUID NOT NULL UNIQUE,
    occurred_at TIMESTAMPTZ NOT NULL,
    actor       TEXT NOT NULL,
    action      TEXT NOT NULL,
    post_id     UUID,
    version     INT,
    details     JSONB NOT NULL,
    -- Unique: two entries claiming the same predecessor would be a fork, which a linear chain never has.
    prev_hash   TEXT NOT NULL UNIQUE,
    hash        TEXT NOT NULL UNIQUE
);
CREATE INDEX audit_log_post_idx ON audit_log (post_id, seq);
CREATE INDEX audit_log_occurred_at_idx ON audit_log (occurred_at);

-- Append-only: the application can only INSERT. Changing history takes a deliberate ALTER TABLE ... DISABLE TRIGGER
-- by the table's owner, and the hash chain then shows what was changed.
CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
