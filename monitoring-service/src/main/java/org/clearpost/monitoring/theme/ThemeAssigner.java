package org.clearpost.monitoring.theme;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * Groups near-duplicate and same-topic mentions into themes within a sliding window, inside the pipeline batch's
 * database transaction (so a replayed batch finds its own themes again).
 */
public interface ThemeAssigner {

    /** One membership per input, in the same order. */
    List<ThemeMembership> assign(Connection connection, List<ThemeInput> mentions, Instant now) throws SQLException;
}
