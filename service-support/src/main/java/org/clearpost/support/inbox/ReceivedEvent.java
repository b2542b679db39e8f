package org.clearpost.support.inbox;

import java.time.Instant;
import org.clearpost.events.ClearpostEvent;
import org.clearpost.events.EventType;

/** An event taken from Kafka for the first time by one consumer, with its CloudEvents attributes. */
public record ReceivedEvent(String id, EventType type, String source, Instant time, ClearpostEvent event) {
}
