package org.clearpost.sandbox.mastodon;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * The sandbox's Mastodon instance: the one user whose notifications it serves, and the instance's limits. Each key
 * can be set through its environment variable (CLEARPOST_SANDBOX_MASTODON_USER_TOKEN, ...).
 */
@ConfigMapping(prefix = "clearpost.sandbox.mastodon")
public interface MastodonSandboxConfig {

    /** The user token the instance accepts (local use only): every call needs it, as streaming has since 4.2.0. */
    @WithDefault("sandbox-mastodon-user-token")
    String userToken();

    /** The token owner's username: the account every mention made by the firehose mentions. */
    @WithDefault("clearpost")
    String username();

    /** The instance's domain, used in account handles, status URIs and URLs (nothing is served from it). */
    @WithDefault("mastodon.sandbox.test")
    String domain();

    /** How often an open stream gets a {@code :thump} comment line (Mastodon's streaming server: 15 s). */
    @WithDefault("15s")
    Duration heartbeat();

    /** REST calls allowed per token per window (Mastodon: 300 per 5 minutes per account). */
    @WithDefault("300")
    int rateLimit();

    @WithDefault("5m")
    Duration rateWindow();

    /** The instance's {@code max_characters} for a status (Mastodon's default: 500; a URL counts 23). */
    @WithDefault("500")
    int maxCharacters();

    /** Images up to this size are processed during {@code POST /api/v2/media} (200, url set); larger files and all
     * video and audio answer 202 with {@code url: null} and are processed in the background. */
    @WithDefault("262144")
    long mediaSyncBytes();

    /** How long background processing of an upload takes before {@code GET /api/v1/media/:id} answers 200. */
    @WithDefault("500ms")
    Duration mediaProcessing();

    /** How long a status is remembered under its {@code Idempotency-Key} (Mastodon keeps it in Redis for 1 h). */
    @WithDefault("1h")
    Duration idempotencyWindow();
}
