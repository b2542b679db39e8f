package org.clearpost.monitoring.spike;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** SEAM SKELETON (issue 11): the spikes helper replaces this body with per-query 5-minute window counts. */
@ApplicationScoped
public class WindowCounts implements SpikeCounter {

    @Override
    public void count(Connection connection, List<List<UUID>> matchedQueries, Instant receivedAt) {
    }
}
