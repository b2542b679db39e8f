package org.clearpost.monitoring.triage;

import java.time.Instant;
import org.clearpost.events.Network;

/** One author on one of the monitors' lists (journalist, blogger, stakeholder, critic, ...) on one network. */
public record AuthorListEntry(Network network, String handle, String list, String addedBy, Instant addedAt) {
}
