package org.clearpost.drafting.domain;

import java.time.Instant;
import java.util.List;
import org.clearpost.events.Network;

/** What a drafter writes: the text, where it goes and when. */
public record PostContent(String text, List<Destination> destinations, Instant scheduledAt) {

    public record Destination(Network network, String account) {
    }
}
