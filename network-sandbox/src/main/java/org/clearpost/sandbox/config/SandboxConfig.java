package org.clearpost.sandbox.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Everything the sandbox can be told. Limits live here rather than in code because the networks change them.
 * Each key can also be set through its environment variable (CLEARPOST_SANDBOX_WEBHOOK_URL, ...).
 */
@ConfigMapping(prefix = "clearpost.sandbox")
public interface SandboxConfig {

    /** Where page webhooks built from {@code POST /sandbox/mentions} are delivered. */
    @WithDefault("http://localhost:8084/webhooks/facebook")
    String webhookUrl();

    /** Signs webhook bodies. The default is for local use only: the receiver must be given the same value. */
    @WithDefault("sandbox-app-secret")
    String facebookAppSecret();

    /** Connect and response timeout for a webhook delivery. */
    @WithDefault("5s")
    Duration webhookTimeout();

    /** Calls per hour that count as 100% in the X-App-Usage header (Graph's platform limit is 200 per user per hour). */
    @WithDefault("200")
    int facebookCallsPerHour();

    X x();

    interface X {
        /** Posts allowed per token per window on each endpoint (X: 100 per 15 minutes per user). */
        @WithDefault("100")
        int rateLimit();

        @WithDefault("15m")
        Duration rateWindow();

        /** A plain length check: the real limit is 280 weighted characters (URLs 23, emoji and CJK 2). */
        @WithDefault("280")
        int maxTextLength();
    }
}
