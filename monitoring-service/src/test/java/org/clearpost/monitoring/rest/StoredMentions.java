package org.clearpost.monitoring.rest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.clearpost.events.Network;
import org.clearpost.monitoring.facebook.PageWebhooks;

/**
 * Mentions as the pipeline (with triage) would have stored them: the inbox only reads and works them. Triage's
 * columns are set with {@link #set}, as the pipeline's insert sets them.
 */
final class StoredMentions {

    private final DataSource dataSource;

    StoredMentions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A NEW mention received at {@code at}; answers its id. */
    UUID store(Network network, String text, Instant at) {
        UUID id = UUID.randomUUID();
        String externalId = PageWebhooks.nextId();
        sql("""
                INSERT INTO mention (id, network, external_id, account, author_id, author_name, author_handle, text,
                                     url, mentioned_at, received_at, status)
                VALUES (?, ?, ?, 'clearpost_council', '42', 'Ruth Resident', 'ruthr', ?, ?, ?, ?, 'NEW')""",
                id, network.name(), externalId, text, "https://example.org/" + externalId,
                Timestamp.from(at.minusSeconds(60)), Timestamp.from(at));
        return id;
    }

    /** Sets columns of one mention, e.g. {@code set(id, "priority = ?, due_at = ?", "HIGH", due)}. */
    void set(UUID id, String assignments, Object... values) {
        Object[] parameters = new Object[values.length + 1];
        for (int i = 0; i < values.length; i++) {
            parameters[i] = values[i] instanceof Instant instant ? Timestamp.from(instant) : values[i];
        }
        parameters[values.length] = id;
        sql("UPDATE mention SET " + assignments + " WHERE id = ?", parameters);
    }

    void sql(String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i] instanceof String[] texts) {
                    statement.setArray(i + 1, c.createArrayOf("text", texts));
                } else if (parameters[i] instanceof UUID[] ids) {
                    statement.setArray(i + 1, c.createArrayOf("uuid", ids));
                } else {
                    statement.setObject(i + 1, parameters[i]);
                }
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
