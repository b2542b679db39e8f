package org.clearpost.sandbox.threads;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The sandbox's Threads API: how long media containers take to process and expire, and the publishing quotas. */
@ConfigMapping(prefix = "clearpost.sandbox.threads")
public interface ThreadsSandboxConfig {

    /**
     * How long an IMAGE, VIDEO or CAROUSEL container stays {@code IN_PROGRESS} before it is {@code FINISHED} (Threads
     * asks callers to wait for it; text containers are ready at once).
     */
    @WithDefault("1s")
    Duration processing();

    /** A container not published within this is {@code EXPIRED} (Threads: 24 hours). */
    @WithDefault("24h")
    Duration containerLifetime();

    /** Posts one user may publish in 24 hours (Threads: 250; {@code threads_publishing_limit} {@code quota_total}). */
    @WithDefault("250")
    int postsPerDay();

    /** Replies one user may publish in 24 hours (Threads: 1,000; {@code reply_config}). */
    @WithDefault("1000")
    int repliesPerDay();

    /** Longest wait for an {@code image_url} or {@code video_url} the sandbox fetches, as Threads cURLs it. */
    @WithDefault("10s")
    Duration fetchTimeout();
}
