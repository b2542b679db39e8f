-- The event counts moved to Kafka Streams (issue 12): figures are state stores rebuilt from the topics, not rows.
-- The datasource stays because service-support's outbox relay, inbox and durability check run in every service.
DROP TABLE IF EXISTS network_event_count;
DROP TABLE IF EXISTS event_type_count;
