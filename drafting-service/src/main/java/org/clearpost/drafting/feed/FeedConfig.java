package org.clearpost.drafting.feed;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The body's own news, blog and statement feeds (RSS or Atom) that drafters get suggestions from. */
@ConfigMapping(prefix = "clearpost.drafting")
public interface FeedConfig {

    /** {@code clearpost.drafting.feeds[0].name=news}, {@code clearpost.drafting.feeds[0].url=https://...}. */
    Optional<List<Feed>> feeds();

    /** How often every feed is polled: a duration such as {@code 15m}, or {@code off}. */
    @WithDefault("15m")
    String feedPollInterval();

    /** How long one feed may take to answer. */
    @WithDefault("20s")
    Duration feedTimeout();

    interface Feed {

        /** Short and stable: suggestions are deduplicated per feed name. */
        String name();

        URI url();
    }
}
