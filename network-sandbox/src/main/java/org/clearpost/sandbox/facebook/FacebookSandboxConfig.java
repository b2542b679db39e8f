package org.clearpost.sandbox.facebook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * The Facebook firehose: how Meta batches, delivers and retries Page webhooks, played against the webhook URL of
 * {@code clearpost.sandbox.webhook-url} (changeable per run: {@code PUT /sandbox/facebook/webhook}), signed with
 * {@code clearpost.sandbox.facebook-app-secret}.
 */
@ConfigMapping(prefix = "clearpost.sandbox.facebook")
public interface FacebookSandboxConfig {

    /** The Page whose posts the firehose comments on. */
    @WithDefault("100200300400")
    String pageId();

    /** Most changes in one delivery: Meta's documented maximum is 1,000. */
    @WithDefault("1000")
    int batchSize();

    /** Longest a change waits for its batch to fill before it is sent anyway. */
    @WithDefault("50ms")
    Duration batchWait();

    /** Deliveries in flight at once (connections to the webhook). */
    @WithDefault("4")
    int concurrency();

    /** Pause before a failed delivery is tried again. */
    @WithDefault("1s")
    Duration retryInterval();

    /** How long a failing delivery is retried before it is dropped for good (Meta: 36 hours). */
    @WithDefault("36h")
    Duration retryWindow();

    /** How long every delivery fails after {@code POST /sandbox/firehose/drop}. */
    @WithDefault("10s")
    Duration dropFor();

    /** New Page posts each burst spreads its comments over. */
    @WithDefault("5")
    int postsPerBurst();
}
