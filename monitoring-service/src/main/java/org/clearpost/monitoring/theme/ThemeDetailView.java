package org.clearpost.monitoring.theme;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.clearpost.events.Network;

/** A theme with its mentions, newest first. */
public record ThemeDetailView(UUID id, String label, UUID queryId, int size, Instant firstSeen, Instant lastSeen,
        boolean open, List<Member> mentions) {

    public record Member(UUID id, Network network, String authorName, String authorHandle, String text, String url,
            Instant receivedAt, String status, String priority) {
    }
}
