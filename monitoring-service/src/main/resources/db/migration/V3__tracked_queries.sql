-- Tracked queries (policy 1.4: mentions of the body, its head and flagship initiatives). Never deleted: a retired
-- query stays, inactive, so mentions that matched it keep a name to show.
-- Every insert and update takes a new revision; the sum of revisions over the table grows with every committed change
-- (even when two transactions commit out of revision order), so replicas poll it to know when to reload.
CREATE SEQUENCE tracked_query_revision;

CREATE TABLE tracked_query (
    id          uuid PRIMARY KEY,
    name        text        NOT NULL,
    purpose     text        NOT NULL CHECK (purpose IN ('BODY', 'HEAD', 'INITIATIVE', 'OTHER')),
    query       text        NOT NULL,
    active      boolean     NOT NULL,
    created_by  text        NOT NULL,
    created_at  timestamptz NOT NULL,
    changed_by  text        NOT NULL,
    changed_at  timestamptz NOT NULL,
    revision    bigint      NOT NULL DEFAULT nextval('tracked_query_revision')
);

CREATE INDEX tracked_query_active ON tracked_query (active, name);
