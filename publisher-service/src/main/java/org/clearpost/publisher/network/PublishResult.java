package org.clearpost.publisher.network;

import java.net.URI;
import java.time.Instant;

/** What a network said to one publish call. */
public sealed interface PublishResult {

    /** When the network said the account has no calls left until a time: nothing more goes to it before then. */
    Instant accountPausedUntil();

    /** The post is live. */
    record Published(String externalId, URI url, Instant accountPausedUntil) implements PublishResult {
    }

    /** The network did not publish and may well accept the same call later (5xx, 429, no connection). */
    record Retry(String reason, Instant accountPausedUntil) implements PublishResult {
    }

    /** The network refused the post, or it cannot be known whether it published: never call again for it. */
    record Failed(String reason, Instant accountPausedUntil) implements PublishResult {
    }

    /** The reason given when a call may or may not have published: a person has to look before anything is resent. */
    static String outcomeUnknown(String why) {
        return "outcome unknown: " + why + "; check the network before publishing again";
    }
}
