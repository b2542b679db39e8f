package org.clearpost.sandbox.bluesky;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * The sandbox's Bluesky: whose mentions its firehose makes, and how its Jetstream replays. Each key can be set by its
 * environment variable (CLEARPOST_SANDBOX_BLUESKY_WINDOW, ...), which is how a service's test shortens the window.
 */
@ConfigMapping(prefix = "clearpost.sandbox.bluesky")
public interface BlueskySandboxConfig {

    /** The body's account, as the DID that mention facets carry (did:plc is 24 base32 characters). */
    @WithDefault("did:plc:clearpostsandboxbody2acc")
    String accountDid();

    /** Its handle, written after '@' in the text that a mention facet covers. */
    @WithDefault("clearpost-sandbox.bsky.social")
    String accountHandle();

    /** How far back Jetstream replays from a cursor (Bluesky's public instances: 36 h); older events are forgotten. */
    @WithDefault("36h")
    Duration window();

    /**
     * Jetstream is at-least-once: on a reconnect it starts this much before the cursor, so a client sees some events
     * again and must be idempotent.
     */
    @WithDefault("1s")
    Duration resendBeforeCursor();

    /** Share (0-1) of made posts that mention the account or reply to it; the rest only match the terms. */
    @WithDefault("0.7")
    double mentionShare();
}
