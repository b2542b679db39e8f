package org.clearpost.monitoring;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;
import org.clearpost.testing.NetworkSandboxServer;

/**
 * Monitoring against the packaged network sandbox for FacebookIntakeTest and XStreamRulesSyncTest: one profile and
 * one set of test resources (the sandbox with the Facebook settings below), so the two classes share one application
 * start and one sandbox instead of one each. Neither part touches what the other tests: the Facebook reconciler
 * reads the sandbox's Graph comments of {@link #FACEBOOK_PAGE}, the rules sync writes the sandbox's X stream rules.
 * <ul>
 * <li>The Facebook reconciler on, reading the sandbox's Graph API, with a gap threshold (1 s) no longer than the
 * sandbox's retry window (1 s), as Meta's 36 h are no longer than the default threshold: a drop can then never go
 * unseen.</li>
 * <li>The X stream rules follow the tracked queries on the sandbox's rules endpoint, with {@link #X_APP_TOKEN}.</li>
 * </ul>
 * The sandbox's own settings (init args of its {@code @WithTestResource}, the same on both classes, which is what
 * lets them share it): app secret {@code test-app-secret}, webhook timeout 30 s, Facebook retry interval 200 ms,
 * drops of 3 s.
 */
public class SandboxGraphAndRulesProfile implements QuarkusTestProfile {

    public static final String FACEBOOK_PAGE = "100200300400";
    public static final String X_APP_TOKEN = "test-x-app-token";

    @Override
    public Map<String, String> getConfigOverrides() {
        String sandbox = "${" + NetworkSandboxServer.URL_PROPERTY + "}";
        return Map.of(
                "clearpost.monitoring.facebook.graph-url", sandbox + "/graph/v21.0",
                "clearpost.monitoring.facebook.page-id", FACEBOOK_PAGE,
                "clearpost.monitoring.facebook.page-access-token", "test-page-token",
                "clearpost.monitoring.facebook.gap-threshold", "1s",
                "clearpost.monitoring.facebook.check-interval", "250ms",
                "clearpost.monitoring.facebook.overlap", "2s",
                "clearpost.monitoring.x-rules.base-url", sandbox,
                "clearpost.monitoring.x-rules.bearer-token", X_APP_TOKEN,
                "clearpost.monitoring.x-rules.retry-delay", "200ms");
    }
}
