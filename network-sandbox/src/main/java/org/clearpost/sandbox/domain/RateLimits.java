package org.clearpost.sandbox.domain;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import org.clearpost.sandbox.config.SandboxConfig;

/** The sandbox's rate counters, one place so that a reset clears them all. */
@ApplicationScoped
public class RateLimits {

    private final FixedWindowRateLimiter x;
    private final FixedWindowRateLimiter facebookApp;

    RateLimits(SandboxConfig config) {
        this.x = new FixedWindowRateLimiter(config.x().rateLimit(), config.x().rateWindow(), Clock.systemUTC());
        // Graph reports app usage over a rolling hour; a fixed hour is close enough for a sandbox.
        this.facebookApp = new FixedWindowRateLimiter(config.facebookCallsPerHour(), Duration.ofHours(1),
                Clock.systemUTC());
    }

    /** Counts one call by a token on one X endpoint: X keeps a separate window per endpoint and user. */
    public FixedWindowRateLimiter.Decision x(String endpoint, String fingerprint) {
        return x.acquire(endpoint + ' ' + fingerprint);
    }

    /**
     * Counts one Graph call. The sandbox plays a single app, so usage is app-wide rather than per token, as the
     * X-App-Usage header is. Graph only reports here; it never refuses.
     */
    public FixedWindowRateLimiter.Decision facebookApp() {
        return facebookApp.acquire("app");
    }

    public void reset() {
        x.reset();
        facebookApp.reset();
    }
}
