package org.clearpost.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A tracked query (what monitoring listens for beyond mentions of the body's accounts) was created or changed; the
 * latest definition of each query is the one in force until it is retired.
 */
public record TrackedQueryDefined(UUID queryId, String name, Purpose purpose, String query, String definedBy,
        Instant definedAt) implements ClearpostEvent {

    /** What the query watches, in policy 1.4's words: the body, its head, a flagship initiative, or else. */
    public enum Purpose { BODY, HEAD, INITIATIVE, OTHER }

    @Override
    public String aggregateId() {
        return queryId.toString();
    }
}
