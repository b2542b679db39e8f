package org.clearpost.monitoring.facebook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * The Facebook app's webhook credentials. Neither has a default: a service that cannot tell Meta's deliveries from
 * forgeries must not start. Set them with CLEARPOST_WEBHOOKS_FACEBOOK_APP_SECRET and
 * CLEARPOST_WEBHOOKS_FACEBOOK_VERIFY_TOKEN.
 */
@ConfigMapping(prefix = "clearpost.webhooks.facebook")
public interface FacebookWebhookConfig {

    /** The app secret Meta signs each delivery with (X-Hub-Signature-256). */
    String appSecret();

    /** The token typed into the app dashboard when subscribing; Meta echoes it in the verification handshake. */
    String verifyToken();

    /**
     * Longest wait for the raw topic to take a delivery before answering 503: a bounded answer lets Meta retry the
     * delivery rather than hold a connection open on a broker that is away.
     */
    @WithDefault("10s")
    Duration writeTimeout();
}
