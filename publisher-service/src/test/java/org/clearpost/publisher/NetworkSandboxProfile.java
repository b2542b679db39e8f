package org.clearpost.publisher;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;
import org.clearpost.testing.NetworkSandboxServer;

/**
 * The publisher against the packaged network sandbox, for the @QuarkusTests that need it (OAuthConnectTest and
 * MetricsSamplingTest): one profile and one set of test resources (the sandbox with {@link #ACCESS_TTL}), so those
 * classes share one application start and one sandbox instead of one each.
 * <ul>
 * <li>X (its API and its OAuth 2.0 server) and Facebook's Graph API are the sandbox's; the sandbox's access tokens
 * live {@link #ACCESS_TTL}, so tokens are refreshed at half their life, every few seconds (a token connected
 * without a refresh token, as MetricsSamplingTest's are, is never refreshed).</li>
 * <li>Engagement sample ages are seconds (12 s to 16 s, in the order 1h, 6h, 24h, 7d, 30d), polled every second;
 * the Graph insights asked for include {@link #WITHDRAWN}, which Meta removed.</li>
 * </ul>
 */
public class NetworkSandboxProfile implements QuarkusTestProfile {

    /** The sandbox's registered client; a test value, not a secret. */
    public static final String CLIENT_ID = "clearpost-sandbox-client";
    /** The sandbox's access token lifetime: set on the sandbox with {@code CLEARPOST_SANDBOX_OAUTH_ACCESS_TOKEN_TTL}. */
    public static final String ACCESS_TTL = "6s";
    /** A Graph insights metric Meta withdrew: asking for it must not fail the rest. */
    public static final String WITHDRAWN = "post_impressions";

    @Override
    public Map<String, String> getConfigOverrides() {
        String sandbox = "${" + NetworkSandboxServer.URL_PROPERTY + "}";
        return Map.ofEntries(
                Map.entry("clearpost.networks.x.base-url", sandbox),
                Map.entry("clearpost.networks.facebook.base-url", sandbox + "/v21.0"),
                Map.entry("clearpost.oauth.networks.x.authorize-url", sandbox + "/oauth/x/authorize"),
                Map.entry("clearpost.oauth.networks.x.token-url", sandbox + "/oauth/x/token"),
                Map.entry("clearpost.oauth.networks.x.client-id", CLIENT_ID),
                Map.entry("clearpost.oauth.refresh-lead", "1s"),
                Map.entry("clearpost.oauth.refresh-interval", "300ms"),
                Map.entry("clearpost.oauth.refresh-claim-timeout", "5s"),
                Map.entry("clearpost.publisher.metrics.sample-ages", "PT12S,PT13S,PT14S,PT15S,PT16S"),
                Map.entry("clearpost.publisher.metrics.poll-interval", "1s"),
                Map.entry("clearpost.publisher.metrics.retry-delay", "300ms"),
                Map.entry("clearpost.publisher.metrics.max-retry-delay", "1s"),
                Map.entry("clearpost.publisher.metrics.facebook-insights-metrics",
                        "post_media_view,post_total_media_view_unique,post_clicks_by_type," + WITHDRAWN));
    }
}
