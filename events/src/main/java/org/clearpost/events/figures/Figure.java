package org.clearpost.events.figures;

import java.time.Instant;

/**
 * One row of one of analytics' figures, as written to its compacted topic (keyed by {@link #key()}, CloudEvents
 * headers like every event) and answered over REST. A later row with the same key replaces the earlier one.
 *
 * <p>{@code asOf} is the latest event time the row reflects, never the wall clock, so rebuilding a figure from the
 * topics gives the same rows as the live figure did.
 */
public sealed interface Figure permits PostActivity, ClearanceTurnaround, MentionsHourly, ResponseTimes,
        PreElectionReport, PostEngagement, EngagementTotals, CampaignReport {

    /** The record key on the figure's topic, and the key in its state store. */
    String key();

    Instant asOf();

    /** Joins key parts with '|'; an absent part is written as '-' so every key has the same number of parts. */
    static String key(Object... parts) {
        StringBuilder key = new StringBuilder();
        for (Object part : parts) {
            if (key.length() > 0) {
                key.append('|');
            }
            key.append(part == null ? "-" : part.toString());
        }
        return key.toString();
    }
}
