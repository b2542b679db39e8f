package org.clearpost.support.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.clearpost.events.CloudEventHeaders;
import org.clearpost.events.EventJson;
import org.clearpost.events.EventType;
import org.clearpost.events.MalformedEventException;
import org.jboss.logging.Logger;

/**
 * The receiving side of every consumer: reads a binary-mode CloudEvent and records its id in the processed-event log
 * in the handler's own transaction, so an event redelivered after a crash or a rebalance is seen once. A record that
 * is not a readable Clearpost event throws {@link MalformedEventException}, which sends it to the dead-letter topic.
 */
@ApplicationScoped
public class EventInbox {

    private static final Logger LOG = Logger.getLogger(EventInbox.class);
    private static final String MARK_PROCESSED = """
            INSERT INTO processed_event (consumer, event_id, event_type) VALUES (?, ?, ?)
            ON CONFLICT DO NOTHING""";

    private final DataSource dataSource;

    public EventInbox(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Returns the event if {@code consumer} has not processed it before; empty for a repeat or for an event type this
     * release does not know (newer producers may add types to a topic).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<ReceivedEvent> receive(String consumer, ConsumerRecord<String, String> record) {
        String id = requiredHeader(record, CloudEventHeaders.ID);
        String ceType = requiredHeader(record, CloudEventHeaders.TYPE);
        Optional<EventType> type = EventType.fromCeType(ceType);
        if (type.isEmpty()) {
            LOG.debugf("Ignoring event %s of unknown type %s", id, ceType);
            return Optional.empty();
        }
        if (record.value() == null) {
            throw new MalformedEventException("Event " + id + " has no body");
        }
        if (!markProcessed(consumer, id, ceType)) {
            LOG.debugf("Event %s already processed by %s", id, consumer);
            return Optional.empty();
        }
        return Optional.of(new ReceivedEvent(id, type.get(), header(record, CloudEventHeaders.SOURCE),
                time(record), EventJson.read(type.get(), record.value())));
    }

    private boolean markProcessed(String consumer, String id, String type) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(MARK_PROCESSED)) {
            insert.setString(1, consumer);
            insert.setString(2, id);
            insert.setString(3, type);
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record event " + id + " as processed", e);
        }
    }

    private static Instant time(ConsumerRecord<String, String> record) {
        String time = header(record, CloudEventHeaders.TIME);
        try {
            return time == null ? Instant.ofEpochMilli(record.timestamp()) : Instant.parse(time);
        } catch (DateTimeParseException e) {
            throw new MalformedEventException("ce_time is not an RFC 3339 time: " + time, e);
        }
    }

    private static String requiredHeader(ConsumerRecord<String, String> record, String name) {
        String value = header(record, name);
        if (value == null || value.isBlank()) {
            throw new MalformedEventException("Record at " + record.topic() + "/" + record.partition() + "@"
                    + record.offset() + " has no " + name + " header");
        }
        return value;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
