package org.clearpost.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Mentions matching a tracked query in one 5-minute window rose far above that query's baseline (an exponentially
 * weighted mean and deviation of earlier windows): a possible crisis (policy 1.7) for leads to look at. Keyed by the
 * query id.
 *
 * @param count     mentions matching the query in the window
 * @param score     how many deviations above the mean {@code count} is
 * @param topThemes the themes most of the window's mentions belong to, largest first
 * @param samples   a few of the window's mentions, highest priority first
 */
public record MentionSpikeDetected(UUID spikeId, UUID queryId, String queryName, Instant windowStart,
        Instant windowEnd, long count, double baselineMean, double baselineDeviation, double score,
        List<ThemeCount> topThemes, List<Sample> samples, Instant detectedAt) implements ClearpostEvent {

    public MentionSpikeDetected {
        topThemes = List.copyOf(topThemes);
        samples = List.copyOf(samples);
    }

    public record ThemeCount(UUID themeId, String label, long count) {
    }

    public record Sample(UUID mentionId, Network network, String text, String url) {
    }

    @Override
    public String aggregateId() {
        return queryId.toString();
    }
}
