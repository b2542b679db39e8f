package org.clearpost.sandbox.domain;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the sandbox holds, in memory. Methods are synchronized: the check for a duplicate and the insert must be
 * one step, and the volume is a test suite's, not production's.
 */
@ApplicationScoped
public class PostStore {

    private final Map<String, HeldPost> posts = new LinkedHashMap<>();
    // fingerprint + NUL + text: X refuses the same text twice from one account.
    private final Set<String> tweetTexts = new HashSet<>();
    // fingerprint + NUL + post id: reposting the same post again changes nothing on X.
    private final Map<String, HeldPost> retweets = new LinkedHashMap<>();
    private final Clock clock = Clock.systemUTC();
    private final MeterRegistry meters;

    PostStore(MeterRegistry meters) {
        this.meters = meters;
    }

    /** Holds a new X post, or returns empty when this token already posted exactly this text. */
    public synchronized Optional<HeldPost> addTweet(String fingerprint, String text, String inReplyTo,
            String quoteOf) {
        if (!tweetTexts.add(fingerprint + '\0' + text)) {
            return Optional.empty();
        }
        return Optional.of(put(new HeldPost(Network.X, Ids.next(), text, null, null, inReplyTo, quoteOf, null,
                fingerprint, now())));
    }

    /** Holds a repost once per token and post; a repeat returns the first one. */
    public synchronized HeldPost addRetweet(String fingerprint, String tweetId) {
        return retweets.computeIfAbsent(fingerprint + '\0' + tweetId, k -> put(new HeldPost(Network.X, Ids.next(),
                null, null, null, null, null, tweetId, fingerprint, now())));
    }

    /** Holds a Page post; Graph has no duplicate check. */
    public synchronized HeldPost addPagePost(String fingerprint, String pageId, String message, String link) {
        return put(new HeldPost(Network.FACEBOOK, pageId + "_" + Ids.next(), message, pageId, link, null, null,
                null, fingerprint, now()));
    }

    /** Oldest first. */
    public synchronized List<HeldPost> list(Optional<Network> network) {
        return posts.values().stream().filter(p -> network.map(n -> p.network() == n).orElse(true)).toList();
    }

    public synchronized Optional<HeldPost> get(String id) {
        return Optional.ofNullable(posts.get(id));
    }

    public synchronized void reset() {
        posts.clear();
        tweetTexts.clear();
        retweets.clear();
    }

    private HeldPost put(HeldPost post) {
        posts.put(post.id(), post);
        meters.counter("sandbox.posts.held", "network", post.network().key()).increment();
        return post;
    }

    private Instant now() {
        return clock.instant();
    }
}
