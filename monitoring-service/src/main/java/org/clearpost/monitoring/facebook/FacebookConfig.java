package org.clearpost.monitoring.facebook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * The Facebook intake's reading side: the Graph API the gap reconciler reads back from. The webhook's credentials are
 * {@link FacebookWebhookConfig}. The reconciler runs only when the Graph URL, the Page id and its token are all set.
 */
@ConfigMapping(prefix = "clearpost.monitoring.facebook")
public interface FacebookConfig {

    /** Graph API base with its version, e.g. {@code https://graph.facebook.com/v21.0}. */
    Optional<URI> graphUrl();

    /** The body's Page whose posts' comments are read back after a gap. */
    Optional<String> pageId();

    /** A Page access token with the MODERATE task (needed to see comment ids and authors). */
    Optional<String> pageAccessToken();

    /**
     * A silence in deliveries longer than this may have lost changes: Meta drops a delivery it could not make for 36
     * hours. Never set it above Meta's retry window, or a loss could go unnoticed.
     */
    @WithDefault("36h")
    Duration gapThreshold();

    /** How often the reconciler looks for a gap. */
    @WithDefault("1m")
    Duration checkInterval();

    /** Read back this much before a gap too: Graph times have one-second precision and clocks differ. */
    @WithDefault("5m")
    Duration overlap();

    /** Comments in a gap may be on older posts: read the comments of posts published this long before it. */
    @WithDefault("168h")
    Duration postLookback();

    /** How often each replica records when it last received a delivery (in memory until then). */
    @WithDefault("1s")
    Duration heartbeatInterval();

    /** Graph {@code limit}: items per page of posts or comments. */
    @WithDefault("100")
    int pageSize();

    default boolean enabled() {
        return graphUrl().isPresent() && pageId().isPresent() && pageAccessToken().isPresent();
    }
}
