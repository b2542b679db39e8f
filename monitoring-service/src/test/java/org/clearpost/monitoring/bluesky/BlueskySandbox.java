package org.clearpost.monitoring.bluesky;

import java.util.HashMap;
import java.util.Map;
import org.clearpost.testing.NetworkSandboxServer;

/**
 * The real sandbox with a 40 s Jetstream window, and the Bluesky intake of the service under test pointed at it
 * (trusting 35 s of that window, reconnecting within fractions of a second), so a test sees every path in a minute.
 * Not shorter: a restarted run first reads its cursor back from Kafka, which took up to 20 s on a loaded machine, and
 * a window shorter than that sends every restart down the notifications path.
 */
public class BlueskySandbox extends NetworkSandboxServer {

    static final String WINDOW = "40s";

    @Override
    public void init(Map<String, String> initArgs) {
        Map<String, String> env = new HashMap<>(initArgs);
        env.put("CLEARPOST_SANDBOX_BLUESKY_WINDOW", WINDOW);
        super.init(env);
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> properties = new HashMap<>(super.start());
        String url = properties.get(URL_PROPERTY);
        String prefix = "clearpost.monitoring.bluesky.";
        properties.put(prefix + "jetstream-url", url.replaceFirst("^http", "ws") + "/subscribe");
        properties.put(prefix + "service-url", url);
        properties.put(prefix + "account-dids", TestBlueskyConfig.ACCOUNT);
        properties.put(prefix + "identifier", "clearpost-sandbox.bsky.social");
        properties.put(prefix + "app-password", "sandbox-app-password");
        properties.put(prefix + "rewind", "1s");
        properties.put(prefix + "jetstream-lookback", "35s");
        properties.put(prefix + "silence-timeout", "5s");
        properties.put(prefix + "reconnect-min-backoff", "200ms");
        properties.put(prefix + "reconnect-max-backoff", "2s");
        return properties;
    }
}
