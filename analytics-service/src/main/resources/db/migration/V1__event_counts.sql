-- Running totals, updated in the same transaction that records the event as processed, so a count is never off by
-- a redelivery.
CREATE TABLE event_type_count (
    event_type TEXT PRIMARY KEY,
    total      BIGINT NOT NULL
);

CREATE TABLE network_event_count (
    network    TEXT NOT NULL,
    event_type TEXT NOT NULL,
    total      BIGINT NOT NULL,
    PRIMARY KEY (network, event_type)
);
