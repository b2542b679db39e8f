package org.clearpost.sandbox.youtube;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.clearpost.sandbox.firehose.NetworkFirehose;
import org.jboss.logging.Logger;

/**
 * Comment threads on the sandbox channel's videos, made by bursts and served by {@code commentThreads.list} newest
 * first. YouTube has no push for comments, so there is no live connection: {@link #drop()} and {@link #silence} have
 * nothing to act on. Sequence numbers only order the threads; their ids are opaque like YouTube's.
 */
@ApplicationScoped
public class YouTubeFirehose implements NetworkFirehose {

    private static final Logger LOG = Logger.getLogger(YouTubeFirehose.class);
    private static final List<String> VIDEOS = List.of("dQw4w9WgXcQ", "M7lc1UVf-VE", "aqz-KE-bpKQ");
    private static final List<String> AUTHORS = List.of("@carysjones", "@bin_watch", "@roadworks_uk", "@llyfrgell");

    private record Burst(int perSecond, long startNanos, long endNanos, AtomicLong made) {
    }

    private final NavigableMap<Long, String> threads = new ConcurrentSkipListMap<>();
    private final List<Burst> bursts = new CopyOnWriteArrayList<>();
    private final AtomicLong made = new AtomicLong();
    private final AtomicInteger quotaUsed = new AtomicInteger();
    private final ObjectMapper mapper;
    private final YouTubeSandboxConfig config;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "youtube-firehose");
        t.setDaemon(true);
        return t;
    });
    private long lastSeq;

    YouTubeFirehose(ObjectMapper mapper, YouTubeSandboxConfig config) {
        this.mapper = mapper;
        this.config = config;
        ticker.scheduleAtFixedRate(this::tick, 10, 10, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        ticker.shutdownNow();
    }

    @Override
    public String network() {
        return "youtube";
    }

    @Override
    public void burst(int perSecond, Duration duration) {
        long now = System.nanoTime();
        bursts.add(new Burst(perSecond, now, now + duration.toNanos(), new AtomicLong()));
    }

    @Override
    public void drop() {
        // no live connection to drop: YouTube comments are only polled
    }

    @Override
    public void silence(Duration duration) {
        // nothing is pushed, so nothing to silence
    }

    @Override
    public long made() {
        return made.get();
    }

    @Override
    public void reset() {
        bursts.clear();
        synchronized (this) {
            threads.clear();
            made.set(0);
            quotaUsed.set(0);
        }
    }

    /** Makes {@code count} comment threads now; returns the last sequence number. */
    public synchronized long make(int count) {
        // publishedAt has second precision on YouTube, so many threads share one: pollers must not stop at equal times
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < count; i++) {
            long seq = ++lastSeq;
            threads.put(seq, thread(seq, now));
        }
        made.addAndGet(count);
        return lastSeq;
    }

    /** Counts one call against the day's quota; false once it is spent. */
    boolean spendQuota(int units) {
        return quotaUsed.addAndGet(units) <= config.dailyQuota();
    }

    /** Up to {@code max} threads, newest first, strictly older than {@code below} (a sequence number) if given. */
    List<Map.Entry<Long, String>> page(Long below, int max) {
        NavigableMap<Long, String> range = below == null ? threads.descendingMap()
                : threads.headMap(below, false).descendingMap();
        List<Map.Entry<Long, String>> page = new ArrayList<>(max);
        for (Map.Entry<Long, String> e : range.entrySet()) {
            if (page.size() == max) {
                break;
            }
            page.add(e);
        }
        return page;
    }

    int total() {
        return threads.size();
    }

    /** A thread id of YouTube's shape (26 characters, starting {@code Ugz} and ending {@code AaABAg}). */
    static String threadId(long seq) {
        String middle = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(ByteBuffer.allocate(12).putLong(seq * 0x9E3779B97F4A7C15L).putInt((int) seq).array());
        return "Ugz" + middle + "4AaABAg";
    }

    private String thread(long seq, Instant at) {
        String id = threadId(seq);
        String video = VIDEOS.get((int) (seq % VIDEOS.size()));
        String author = AUTHORS.get((int) ((seq / VIDEOS.size()) % AUTHORS.size()));
        String channel = config.channelId();
        String original = "Comment " + seq + " to @clearpost: bins & recycling <today>? #council";
        String display = "Comment " + seq + " to <a href=\"https://www.youtube.com/@clearpost\">@clearpost</a>: bins"
                + " &amp; recycling &lt;today&gt;? <a href=\"https://www.youtube.com/hashtag/council\">#council</a>";
        Map<String, Object> commentSnippet = new LinkedHashMap<>();
        commentSnippet.put("channelId", channel);
        commentSnippet.put("videoId", video);
        commentSnippet.put("textDisplay", display);
        commentSnippet.put("textOriginal", original);
        commentSnippet.put("authorDisplayName", author);
        commentSnippet.put("authorProfileImageUrl", "https://yt3.ggpht.com/sandbox" + author.substring(1) + "=s48");
        commentSnippet.put("authorChannelUrl", "http://www.youtube.com/" + author);
        commentSnippet.put("authorChannelId", Map.of("value", "UCauthor" + author.substring(1)));
        commentSnippet.put("canRate", true);
        commentSnippet.put("viewerRating", "none");
        commentSnippet.put("likeCount", 0);
        commentSnippet.put("publishedAt", at.toString());
        commentSnippet.put("updatedAt", at.toString());
        Map<String, Object> comment = new LinkedHashMap<>();
        comment.put("kind", "youtube#comment");
        comment.put("etag", "etag-c" + seq);
        comment.put("id", id);
        comment.put("snippet", commentSnippet);
        Map<String, Object> snippet = new LinkedHashMap<>();
        snippet.put("channelId", channel);
        snippet.put("videoId", video);
        snippet.put("topLevelComment", comment);
        snippet.put("canReply", true);
        snippet.put("totalReplyCount", 0);
        snippet.put("isPublic", true);
        Map<String, Object> thread = new LinkedHashMap<>();
        thread.put("kind", "youtube#commentThread");
        thread.put("etag", "etag-t" + seq);
        thread.put("id", id);
        thread.put("snippet", snippet);
        try {
            return mapper.writeValueAsString(thread);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("maps of strings always serialise", e);
        }
    }

    private void tick() {
        try {
            long now = System.nanoTime();
            int due = 0;
            for (Burst b : bursts) {
                long elapsed = Math.min(now, b.endNanos()) - b.startNanos();
                long more = b.perSecond() * elapsed / 1_000_000_000L - b.made().get();
                if (more > 0) {
                    b.made().addAndGet(more);
                    due += (int) more;
                }
                if (now >= b.endNanos()) {
                    bursts.remove(b);
                }
            }
            if (due > 0) {
                make(due);
            }
        } catch (RuntimeException e) {
            LOG.error("YouTube firehose tick failed", e);
        }
    }
}
