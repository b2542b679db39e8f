-- Shared by every Clearpost service (flyway location db/support); service migrations start at V1.

-- Transactional outbox: rows are written in the same transaction as the state they describe and relayed to Kafka
-- by OutboxRelay. Column names follow Debezium's outbox event router (aggregatetype, aggregateid, type, payload),
-- so a Debezium connector could replace the relay without a schema change.
CREATE TABLE outbox_event (
    id            UUID PRIMARY KEY,
    seq           BIGSERIAL NOT NULL UNIQUE,
    aggregatetype TEXT NOT NULL,
    aggregateid   TEXT NOT NULL,
    type          TEXT NOT NULL,
    topic         TEXT NOT NULL,
    payload       JSONB NOT NULL,
    occurred_at   TIMESTAMPTZ NOT NULL
);

-- Idempotent consumers: one row per (consumer, event id) processed, written in the handler's transaction.
CREATE TABLE processed_event (
    consumer     TEXT NOT NULL,
    event_id     TEXT NOT NULL,
    event_type   TEXT NOT NULL,
    processed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
