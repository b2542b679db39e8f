package org.clearpost.monitoring.spike;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.clearpost.events.MentionSpikeDetected;

/** A spike as {@code GET /spikes} shows it: what {@code MentionSpikeDetected} said, and its acknowledgement. */
public record SpikeView(UUID id, UUID queryId, String queryName, Instant windowStart, Instant windowEnd, long count,
        double baselineMean, double baselineDeviation, double score, List<MentionSpikeDetected.ThemeCount> topThemes,
        List<MentionSpikeDetected.Sample> samples, Instant detectedAt, String acknowledgedBy, Instant acknowledgedAt,
        String acknowledgement) {
}
