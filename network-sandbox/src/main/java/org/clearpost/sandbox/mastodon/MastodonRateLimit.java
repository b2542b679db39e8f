package org.clearpost.sandbox.mastodon;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import org.clearpost.sandbox.domain.FixedWindowRateLimiter;

/** The instance's REST rate counter per token (Mastodon: 300 calls per 5 minutes per account), cleared by a reset. */
@ApplicationScoped
public class MastodonRateLimit {

    private final FixedWindowRateLimiter limiter;

    MastodonRateLimit(MastodonSandboxConfig config) {
        this.limiter = new FixedWindowRateLimiter(config.rateLimit(), config.rateWindow(), Clock.systemUTC());
    }

    FixedWindowRateLimiter limiter() {
        return limiter;
    }

    public void reset() {
        limiter.reset();
    }
}
