package org.clearpost.events;

import java.util.UUID;

/** The live event a quick post covers; such posts may take clearance's expedited path. */
public record LiveEventRef(UUID liveEventId, String name, String hashtag) {
}
