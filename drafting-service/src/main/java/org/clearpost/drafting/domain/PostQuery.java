package org.clearpost.drafting.domain;

import java.time.Instant;
import java.util.List;
import org.clearpost.events.Network;

/**
 * What to list: every filter is optional and they all apply together.
 *
 * @param scheduledFrom publication time at or after, inclusive
 * @param scheduledTo publication time before, exclusive
 * @param text case-insensitive substring of the base text or any target's own text
 * @param sort one of {@link #SORTABLE}
 */
public record PostQuery(PostStatus status, String campaign, String account, Network network, String author,
        Instant scheduledFrom, Instant scheduledTo, String text, String sort, boolean ascending, int page, int size) {

    /** The fields a list may be sorted by: the whitelist, since they end up in the query. */
    public static final List<String> SORTABLE = List.of("updatedAt", "createdAt", "scheduledAt", "author", "status");
}
