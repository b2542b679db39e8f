package org.clearpost.sandbox.bluesky;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.clearpost.sandbox.firehose.NetworkFirehose;
import org.jboss.logging.Logger;

/**
 * The sandbox's Bluesky: a burst makes posts into the {@link JetstreamLog}, which the Jetstream WebSocket
 * ({@code /subscribe}) replays from a cursor and then streams live, and which {@code listNotifications} pages.
 */
@ApplicationScoped
public class BlueskyFirehose implements NetworkFirehose {

    private static final Logger LOG = Logger.getLogger(BlueskyFirehose.class);
    private static final long TICK_MS = 10;
    /** One post in this many is followed later by an update of an earlier one (a new version, same at-uri). */
    private static final int UPDATE_EVERY = 20;

    private final BlueskySandboxConfig config;
    private final ObjectMapper json;
    private final Vertx vertx;
    private final PostFactory factory;
    private final JetstreamLog log = new JetstreamLog();
    private final Set<JetstreamSubscriber> subscribers = ConcurrentHashMap.newKeySet();
    private final List<ScheduledFuture<?>> bursts = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bluesky-firehose");
        t.setDaemon(true);
        return t;
    });
    private final Random random = new Random();
    private volatile long silentUntilNanos = System.nanoTime();

    BlueskyFirehose(BlueskySandboxConfig config, ObjectMapper json, Vertx vertx) {
        this.config = config;
        this.json = json;
        this.vertx = vertx;
        this.factory = new PostFactory(json, config.accountDid(), config.accountHandle());
    }

    @Override
    public String network() {
        return "bluesky";
    }

    @Override
    public void burst(int perSecond, Duration duration) {
        long start = System.nanoTime();
        long total = (long) perSecond * duration.toMillis() / 1000;
        long[] made = {0};
        ScheduledFuture<?>[] self = new ScheduledFuture<?>[1];
        self[0] = scheduler.scheduleAtFixedRate(() -> {
            long due = Math.min(total, (System.nanoTime() - start) / 1_000_000L * perSecond / 1000);
            while (made[0] < due) {
                makeOne();
                made[0]++;
            }
            if (made[0] >= total && self[0] != null) {
                self[0].cancel(false);
                bursts.remove(self[0]);
            }
        }, 0, TICK_MS, TimeUnit.MILLISECONDS);
        bursts.add(self[0]);
    }

    /** Makes one post now (and now and then a new version of an earlier one); visible to readers at once. */
    void makeOne() {
        long now = nowUs();
        BlueskyPost post = factory.create(log.nextTimeUs(now), config.mentionShare(), random);
        log.append(post, windowUs());
        if (random.nextInt(UPDATE_EVERY) == 0) {
            BlueskyPost earlier = log.recent(random.nextInt(50));
            log.append(factory.update(earlier, log.nextTimeUs(nowUs())), windowUs());
        }
    }

    @Override
    public void drop() {
        subscribers.forEach(JetstreamSubscriber::close);
    }

    @Override
    public void silence(Duration duration) {
        silentUntilNanos = System.nanoTime() + duration.toNanos();
    }

    @Override
    public long made() {
        return log.madeCount();
    }

    @Override
    public void reset() {
        bursts.forEach(b -> b.cancel(false));
        bursts.clear();
        silentUntilNanos = System.nanoTime();
        drop();
        log.clear();
    }

    /**
     * Starts streaming to a new Jetstream connection: from {@code cursorUs} (inclusive, less the configured resend;
     * clamped to the oldest kept) or, without one, from now.
     */
    void subscribe(ServerWebSocket socket, Long cursorUs, Predicate<BlueskyPost> wanted) {
        log.prune(nowUs(), windowUs());
        long start = cursorUs == null ? log.end()
                : log.clamp(log.seqAt(cursorUs - config.resendBeforeCursor().toNanos() / 1000));
        JetstreamSubscriber subscriber = new JetstreamSubscriber(this, socket, start, wanted);
        subscribers.add(subscriber);
        LOG.debugf("Jetstream client %s from %s (%d kept)", socket.remoteAddress(), cursorUs, log.end() - start);
        subscriber.start(vertx);
    }

    void unsubscribed(JetstreamSubscriber subscriber) {
        subscribers.remove(subscriber);
    }

    boolean silent() {
        return System.nanoTime() - silentUntilNanos < 0;
    }

    JetstreamLog log() {
        return log;
    }

    /** The event Jetstream sends for one post version. */
    String event(BlueskyPost post) {
        ObjectNode event = json.createObjectNode();
        event.put("did", post.did());
        event.put("time_us", post.timeUs());
        event.put("kind", "commit");
        ObjectNode commit = event.putObject("commit");
        commit.put("rev", PostFactory.tid(post.timeUs(), 0));
        commit.put("operation", post.operation());
        commit.put("collection", BlueskyPost.COLLECTION);
        commit.put("rkey", post.rkey());
        commit.set("record", post.record());
        commit.put("cid", post.cid());
        return event.toString();
    }

    /** A post as {@code listNotifications} shows it to the account it notified. */
    ObjectNode notification(BlueskyPost post) {
        ObjectNode n = json.createObjectNode();
        n.put("uri", post.uri());
        n.put("cid", post.cid());
        ObjectNode author = n.putObject("author");
        author.put("did", post.did());
        author.put("handle", post.authorHandle());
        author.put("displayName", post.authorName());
        author.putArray("labels");
        n.put("reason", post.reason());
        if ("reply".equals(post.reason())) {
            n.put("reasonSubject", post.record().path("reply").path("parent").path("uri").asText());
        }
        n.set("record", post.record());
        n.put("isRead", false);
        n.put("indexedAt", indexedAt(post.timeUs()));
        n.putArray("labels");
        return n;
    }

    /**
     * Bluesky writes datetimes with exactly three fractional digits ({@code 2026-12-01T14:08:03.000Z}), so they sort
     * as text; {@code Instant.toString} would drop a zero fraction and put {@code 03Z} after {@code 03.011Z}.
     */
    static String indexedAt(long timeUs) {
        return BLUESKY_TIME.format(Instant.ofEpochMilli(timeUs / 1000));
    }

    static final DateTimeFormatter BLUESKY_TIME = DateTimeFormatter
            .ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private long windowUs() {
        return config.window().toNanos() / 1000;
    }

    private static long nowUs() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1000;
    }

    @PreDestroy
    void stop() {
        scheduler.shutdownNow();
    }
}
