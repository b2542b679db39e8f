package org.clearpost.publisher.oauth;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Points X (its API and its OAuth 2.0 server) at the test's network sandbox, whose access tokens live
 * {@link OAuthConnectTest#ACCESS_TTL}: tokens are refreshed at half their life, every few seconds.
 */
public class OAuthSandboxProfile implements QuarkusTestProfile {

    /** The sandbox's registered client; a test value, not a secret. */
    static final String CLIENT_ID = "clearpost-sandbox-client";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("clearpost.networks.x.base-url", "${clearpost.test.sandbox-url}",
                "clearpost.oauth.networks.x.authorize-url", "${clearpost.test.sandbox-url}/oauth/x/authorize",
                "clearpost.oauth.networks.x.token-url", "${clearpost.test.sandbox-url}/oauth/x/token",
                "clearpost.oauth.networks.x.client-id", CLIENT_ID,
                "clearpost.oauth.refresh-lead", "1s",
                "clearpost.oauth.refresh-interval", "300ms",
                "clearpost.oauth.refresh-claim-timeout", "5s");
    }
}
