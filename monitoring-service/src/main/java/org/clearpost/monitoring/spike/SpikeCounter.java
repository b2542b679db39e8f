package org.clearpost.monitoring.spike;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Counts stored mentions per tracked query per 5-minute window, inside the pipeline batch's database transaction
 * (so a replayed batch, whose insert stores nothing new, counts nothing twice: call it with the mentions the batch
 * actually inserted).
 */
public interface SpikeCounter {

    /** @param matchedQueries the matched queries of each mention the batch inserted */
    void count(Connection connection, List<List<UUID>> matchedQueries, Instant receivedAt) throws SQLException;
}
