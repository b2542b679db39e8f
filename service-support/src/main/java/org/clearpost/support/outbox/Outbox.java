package org.clearpost.support.outbox;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import javax.sql.DataSource;
import org.clearpost.events.ClearpostEvent;
import org.clearpost.events.EventJson;
import org.clearpost.events.EventType;

/**
 * Records an event in the caller's database transaction. The event reaches Kafka only if that transaction commits,
 * and always does once it has: there is no dual write to get half right.
 */
@ApplicationScoped
@RegisterForReflection
public class Outbox {

    private static final String INSERT = """
            INSERT INTO outbox_event (id, aggregatetype, aggregateid, type, topic, payload, occurred_at)
            VALUES (?, ?, ?, ?, ?, ?::jsonb, ?)""";

    private final DataSource dataSource;
    private final Clock clock;

    public Outbox(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** Appends the event to the outbox; returns its event id (the CloudEvents {@code id}). */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID append(ClearpostEvent event) {
        EventType type = EventType.of(event);
        UUID id = UUID.randomUUID();
        // Within a JTA transaction Agroal hands out the transaction's own connection, the one Hibernate uses.
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setObject(1, id);
            insert.setString(2, type.aggregateType());
            insert.setString(3, event.aggregateId());
            insert.setString(4, type.ceType());
            insert.setString(5, type.topic());
            insert.setString(6, EventJson.write(event));
            insert.setTimestamp(7, Timestamp.from(clock.instant()));
            insert.executeUpdate();
        } catch (SQLException e) {
            // A persistence failure like any other of the state change's transaction, so that a database outage is
            // answered as one (503 with Retry-After, TransientFailureMapper) rather than as an internal error.
            throw new PersistenceException("Cannot append " + type.ceType() + " to the outbox", e);
        }
        return id;
    }
}
