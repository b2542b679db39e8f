package org.clearpost.monitoring.mastodon;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Turns the Mastodon intake on against the test's sandbox ({@code NetworkSandboxServer}), with a heartbeat timeout short
 * enough for a silence test (the sandbox is started with a 1 s heartbeat). Other tests leave the intake off.
 */
public class MastodonIntakeProfile implements QuarkusTestProfile {

    static final String TOKEN = "sandbox-mastodon-user-token";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("clearpost.monitoring.mastodon.base-url", "${clearpost.test.sandbox-url}",
                "clearpost.monitoring.mastodon.user-token", TOKEN,
                "clearpost.monitoring.mastodon.heartbeat-timeout", "3s",
                "clearpost.monitoring.mastodon.reconnect-min", "200ms",
                "clearpost.monitoring.mastodon.reconnect-max", "2s",
                "clearpost.monitoring.intake.lease-interval", "1s");
    }
}
