package org.clearpost.monitoring.facebook;

import io.smallrye.config.ConfigMapping;

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
}
