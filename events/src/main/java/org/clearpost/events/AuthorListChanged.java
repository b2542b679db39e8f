package org.clearpost.events;

import java.time.Instant;

/**
 * A monitor put an author on one of the monitors' lists (journalist, blogger, stakeholder, critic, ...) or took them
 * off it; triage reads the lists for priority and rules. Only real changes are sent: adding an author already on the
 * list sends nothing.
 *
 * @param handle the author's handle on {@code network}, without a leading '@'
 */
public record AuthorListChanged(Network network, String handle, String list, Change change, String changedBy,
        Instant changedAt) implements ClearpostEvent {

    public enum Change { ADDED, REMOVED }

    /** One key per entry (network, list, handle), so the compacted topic keeps whether each author is on each list. */
    @Override
    public String aggregateId() {
        return network.name() + "/" + list + "/" + handle;
    }
}
