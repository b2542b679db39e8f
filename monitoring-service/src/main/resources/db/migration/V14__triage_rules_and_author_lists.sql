-- Issue 11, triage: the configurable policy 4.1 rules and the monitors' author lists. Both are loaded into an
-- in-memory snapshot (triage.TriageSnapshot); triage_version grows with every committed change to either, so
-- replicas poll one row to know when to reload (a sum of revisions would miss deletions).
CREATE TABLE triage_version (
    singleton BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (singleton),
    version   BIGINT  NOT NULL
);
INSERT INTO triage_version (singleton, version) VALUES (TRUE, 1);

CREATE TABLE triage_rule (
    id                 UUID PRIMARY KEY,
    reason             TEXT        NOT NULL CHECK (reason IN ('AWARENESS_OPPORTUNITY', 'REPUTATION_RISK')),
    name               TEXT        NOT NULL UNIQUE,
    query_ids          UUID[]      NOT NULL DEFAULT '{}',
    purposes           TEXT[]      NOT NULL DEFAULT '{}',
    terms              TEXT,
    sentiment_at_most  DOUBLE PRECISION,
    sentiment_at_least DOUBLE PRECISION,
    author_lists       TEXT[]      NOT NULL DEFAULT '{}',
    active             BOOLEAN     NOT NULL DEFAULT TRUE,
    changed_by         TEXT        NOT NULL,
    changed_at         TIMESTAMPTZ NOT NULL
);

-- Defaults (monitoring leads change them through /triage-rules).
INSERT INTO triage_rule (id, reason, name, terms, changed_by, changed_at) VALUES
    ('4a0c1e52-6f1e-4d57-9a59-2f7c1b0e0001', 'AWARENESS_OPPORTUNITY', 'question about information rights',
     '"how do i" OR "how can i" OR "subject access" OR "my data" OR "my personal data" OR "my rights" OR "data protection rights" OR "right to be forgotten" OR "freedom of information"',
     'system', now());
INSERT INTO triage_rule (id, reason, name, purposes, sentiment_at_most, changed_by, changed_at) VALUES
    ('4a0c1e52-6f1e-4d57-9a59-2f7c1b0e0002', 'REPUTATION_RISK', 'strongly negative about the body or its head',
     '{BODY,HEAD}', -0.5, 'system', now());
INSERT INTO triage_rule (id, reason, name, author_lists, changed_by, changed_at) VALUES
    ('4a0c1e52-6f1e-4d57-9a59-2f7c1b0e0003', 'REPUTATION_RISK', 'journalist or critic',
     '{journalist,critic}', 'system', now());

CREATE TABLE author_list_entry (
    network  TEXT        NOT NULL,
    handle   TEXT        NOT NULL, -- lower case, without a leading '@'
    list     TEXT        NOT NULL,
    added_by TEXT        NOT NULL,
    added_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (network, handle, list)
);
