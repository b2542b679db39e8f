package org.clearpost.drafting.messaging;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.clearpost.drafting.Channels;

/** Reads drafting's processed-event log directly, to know when a consumer has dealt with an event. */
final class ProcessedEvents {

    private ProcessedEvents() {
    }

    static boolean contains(String eventId) throws SQLException {
        AgroalDataSource dataSource = Arc.container().instance(AgroalDataSource.class).get();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT 1 FROM processed_event WHERE consumer = ? AND event_id = ?")) {
            query.setString(1, Channels.CONSUMER);
            query.setString(2, eventId);
            try (ResultSet result = query.executeQuery()) {
                return result.next();
            }
        }
    }
}
