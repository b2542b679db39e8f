package org.clearpost.sandbox.metrics;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;

/**
 * How a post's engagement grows with its age, as the sandbox reports it: deterministic from the post id and the age,
 * so a test can ask for the same numbers (see {@code GET /sandbox/posts/{id}/metrics}).
 *
 * <p>Views follow {@code ceiling * (1 - e^(-t / 5 h))}: most come in the first hours, then the count flattens, as a
 * post leaves timelines. The ceiling (2,000 to 20,000 views) and each interaction's rate (likes 1-3 % of views, link
 * clicks 0.5-2 %, ...) come from a hash of the post id, so two posts differ but one post always grows the same way.
 * Every count is a floor of a rate times views, so none ever goes down.
 *
 * <p>The age is read in whole minutes for the first hour and whole hours after it: networks update their counts
 * with a lag, and a test that sets a post's age to some hours plus a minute gets the same numbers for the next
 * 59 minutes.
 */
public final class EngagementCurve {

    /** Time constant of the views curve: about 63 % of a post's views have come after it. */
    static final double TAU_HOURS = 5.0;

    private EngagementCurve() {
    }

    /**
     * Counts under the sandbox's own names, mapped to each network's by the resources.
     *
     * @param views       X {@code impression_count}; Graph {@code post_media_view}
     * @param viewers     Graph {@code post_total_media_view_unique} (X has no reach)
     * @param likes       X {@code like_count}; Graph reactions
     * @param replies     X {@code reply_count}; Graph comments
     * @param reposts     X {@code retweet_count}; Graph shares
     * @param quotes      X {@code quote_count}
     * @param bookmarks   X {@code bookmark_count}
     * @param linkClicks  X {@code url_link_clicks}; Graph {@code post_clicks_by_type."link clicks"}
     * @param profileClicks X {@code user_profile_clicks}
     * @param otherClicks Graph {@code post_clicks_by_type."other clicks"}
     * @param engagements X {@code engagements}: every interaction above (likes to profile clicks)
     */
    public record Counts(long views, long viewers, long likes, long replies, long reposts, long quotes,
            long bookmarks, long linkClicks, long profileClicks, long otherClicks, long engagements) {
    }

    /** The counts of post {@code postId} at {@code age} (a negative age counts as none). */
    public static Counts at(String postId, Duration age) {
        double hours = quantisedHours(age);
        byte[] h = hash(postId);
        long ceiling = 2_000 + (long) (unit(h, 0) * 18_000);
        long views = (long) Math.floor(ceiling * (1 - Math.exp(-hours / TAU_HOURS)));
        long viewers = share(views, 0.55 + unit(h, 1) * 0.25);
        long likes = share(views, 0.01 + unit(h, 2) * 0.02);
        long replies = share(views, 0.001 + unit(h, 3) * 0.003);
        long reposts = share(views, 0.002 + unit(h, 4) * 0.006);
        long quotes = share(views, 0.0005 + unit(h, 5) * 0.0015);
        long bookmarks = share(views, 0.001 + unit(h, 6) * 0.004);
        long linkClicks = share(views, 0.005 + unit(h, 7) * 0.015);
        long profileClicks = share(views, 0.002 + unit(h, 8) * 0.004);
        long otherClicks = share(views, 0.003 + unit(h, 9) * 0.007);
        long engagements = likes + replies + reposts + quotes + bookmarks + linkClicks + profileClicks;
        return new Counts(views, viewers, likes, replies, reposts, quotes, bookmarks, linkClicks, profileClicks,
                otherClicks, engagements);
    }

    /** Whole minutes in the first hour, whole hours after it. */
    static double quantisedHours(Duration age) {
        if (age.isNegative()) {
            return 0;
        }
        if (age.compareTo(Duration.ofHours(1)) < 0) {
            return age.toMinutes() / 60.0;
        }
        return age.toHours();
    }

    private static long share(long views, double rate) {
        return (long) Math.floor(views * rate);
    }

    /** Byte {@code i} of the hash pair as a number in [0, 1). */
    private static double unit(byte[] hash, int i) {
        int hi = hash[2 * i] & 0xff;
        int lo = hash[2 * i + 1] & 0xff;
        return ((hi << 8) | lo) / 65_536.0;
    }

    private static byte[] hash(String postId) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(postId.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
