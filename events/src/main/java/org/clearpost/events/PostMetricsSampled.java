package org.clearpost.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The publisher read one published target's engagement from its network, at one of the decaying sample ages (1 h,
 * 6 h, 24 h, 7 d, 30 d after publication), with the account's token. Counts are cumulative as the network reports
 * them, so a later sample supersedes an earlier one.
 *
 * @param campaign    the campaign slug the post belongs to, else {@code null}
 * @param sampleAge   which sample this is: {@code 1h}, {@code 6h}, {@code 24h}, {@code 7d} or {@code 30d}
 * @param metrics     the network's figures under Clearpost's names ({@link #METRIC_NAMES}); a metric the network did
 *                    not give is absent, never zero
 * @param unavailable metrics asked for and not given, each with why (withdrawn by the network, needs a newer token,
 *                    only for posts under 30 days...): one missing metric never fails the others
 */
public record PostMetricsSampled(UUID postId, int version, UUID targetId, Network network, String account,
        String externalId, String campaign, Instant publishedAt, String sampleAge, Map<String, Long> metrics,
        List<UnavailableMetric> unavailable, Instant sampledAt) implements ClearpostEvent {

    /** Impressions (views), likes/reactions, replies/comments, reposts/shares, quotes, bookmarks, link and profile clicks. */
    public static final List<String> METRIC_NAMES = List.of("impressions", "reach", "engagements", "likes", "replies",
            "reposts", "quotes", "bookmarks", "linkClicks", "profileClicks", "videoViews");
    /** The ages at which a published post is sampled, in order. */
    public static final List<String> SAMPLE_AGES = List.of("1h", "6h", "24h", "7d", "30d");

    public PostMetricsSampled {
        metrics = metrics == null ? Map.of() : Map.copyOf(metrics);
        unavailable = unavailable == null ? List.of() : List.copyOf(unavailable);
    }

    /** @param metric the network's own name for it (e.g. {@code post_impressions}, {@code url_link_clicks}) */
    public record UnavailableMetric(String metric, String reason) {
    }

    @Override
    public String aggregateId() {
        return postId.toString();
    }
}
