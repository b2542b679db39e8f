package org.clearpost.publisher.network;

import java.net.URI;
import java.time.Instant;

/** What a network said to one publish call (or what could be found out about it). */
public sealed interface PublishResult {

    /** When the network said the account has no calls left until a time: nothing more goes to it before then. */
    Instant accountPausedUntil();

    /** The post is live. */
    record Published(String externalId, URI url, Instant accountPausedUntil) implements PublishResult {
    }

    /** The network certainly did not publish and may well accept the same call later (5xx, 429, no connection). */
    record Retry(String reason, Instant accountPausedUntil) implements PublishResult {
    }

    /** The network said no, for good: its own reason and code are in {@code reason}. Never called again for it. */
    record Failed(String reason, Instant accountPausedUntil) implements PublishResult {
    }

    /**
     * The call may or may not have published (the answer was lost, a timeout, a crash mid-call): the publisher finds
     * out through {@link NetworkConnector#reconcile} before anything is sent again. Never a reason to fail.
     */
    record Unknown(String reason, Instant accountPausedUntil) implements PublishResult {
    }

    /**
     * The network no longer accepts the account's token (revoked, expired beyond refresh): nothing was published.
     * The account needs an admin to connect it again; its publications wait, held, until then.
     */
    record NeedsReconnect(String reason, Instant accountPausedUntil) implements PublishResult {
    }

    /** The reason given when a call may or may not have published. */
    static String outcomeUnknown(String why) {
        return "outcome unknown: " + why;
    }
}
