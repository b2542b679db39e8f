package org.clearpost.sandbox.youtube;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The sandbox's YouTube Data API: the one channel whose comments it serves, its API key and its daily quota. */
@ConfigMapping(prefix = "clearpost.sandbox.youtube")
public interface YouTubeSandboxConfig {

    /** The API key accepted as {@code ?key=} (local use only); an OAuth {@code Authorization: Bearer} token also works. */
    @WithDefault("sandbox-youtube-api-key")
    String apiKey();

    /** The body's channel: the only {@code allThreadsRelatedToChannelId} with comments. */
    @WithDefault("UCclearpostSandbox0000001")
    String channelId();

    /** Quota units per day (YouTube's default project quota: 10,000; a commentThreads.list call costs 1). */
    @WithDefault("10000")
    int dailyQuota();

    /** Quota units per day for uploads, counted apart from the comment reads (YouTube default project quota: 10,000). */
    @WithDefault("10000")
    int uploadDailyQuota();

    /** Quota units one {@code videos.insert} costs (YouTube: 1,600). */
    @WithDefault("1600")
    int insertCost();
}
