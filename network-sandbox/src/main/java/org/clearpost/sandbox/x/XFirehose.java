package org.clearpost.sandbox.x;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.clearpost.sandbox.domain.FixedWindowRateLimiter;
import org.clearpost.sandbox.domain.FixedWindowRateLimiter.Decision;
import org.clearpost.sandbox.domain.Ids;
import org.clearpost.sandbox.firehose.NetworkFirehose;
import org.jboss.logging.Logger;

/**
 * X's side of the firehose: makes posts that mention the body's accounts or terms, keeps them in id order for
 * recent search and the mentions timeline, and streams each one live to the app connected to the filtered stream.
 *
 * <p>The guarantee a client's gap fill relies on: a post is in the store before it is streamed, and a stream is
 * registered under the same lock the posts are made under, so every post is either made before a connection (and
 * found by a search made after connecting) or streamed on it.
 */
@ApplicationScoped
public class XFirehose implements NetworkFirehose {

    private static final Logger LOG = Logger.getLogger(XFirehose.class);
    private static final long TICK_MILLIS = 5;
    private static final Buffer KEEP_ALIVE = Buffer.buffer("\r\n");

    /** A page of posts for search or the timeline: newest first, with the token of the next page if there is one. */
    public record Page(List<Post> posts, String nextToken) {
    }

    /** What a rendered post needs: its id, the original it edits (itself for an original) and its sequence number. */
    public record Post(long id, long originalId, long seq) {
    }

    /** What {@code GET /sandbox/x/firehose} reports. */
    public record Stats(long made, long edits, long stored, long oldestId, long newestId, int connections,
            long connects) {
    }

    private record Burst(int perSecond, long startNanos, long durationNanos, AtomicLong made) {
        long total() {
            return perSecond * durationNanos / 1_000_000_000L;
        }
    }

    /** One app's open stream. Writes happen on the connection's own event-loop context. */
    private final class Stream {
        final String app;
        final HttpServerResponse response;
        final Context context;
        volatile long silentUntilNanos;

        Stream(String app, HttpServerResponse response, Context context) {
            this.app = app;
            this.response = response;
            this.context = context;
        }

        boolean silent() {
            return System.nanoTime() - silentUntilNanos < 0;
        }

        void send(Buffer buffer) {
            context.runOnContext(v -> {
                if (response.closed() || response.ended()) {
                    return;
                }
                if (response.writeQueueFull()) {
                    LOG.warnf("X stream of app %s is too slow (%d bytes queued): closing it", shortApp(app),
                            config.slowClientBytes());
                    response.close();
                    forget(this);
                    return;
                }
                response.write(buffer);
            });
        }

        void close() {
            // Forgotten at once: Vert.x does not call the close handler when the server itself closes.
            forget(this);
            context.runOnContext(v -> {
                if (!response.closed()) {
                    response.close();
                }
            });
        }
    }

    private final XFirehoseConfig config;
    private final XTweets tweets;
    private final Vertx vertx;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final XTweetStore store;
    private final Map<String, Stream> streams = new ConcurrentHashMap<>();
    private final List<Burst> bursts = new CopyOnWriteArrayList<>();
    private final java.util.Queue<String> toSay = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final FixedWindowRateLimiter connects;
    private final FixedWindowRateLimiter reads;
    private long made;
    private long edits;
    private final AtomicLong connected = new AtomicLong();
    private ScheduledExecutorService generator;
    private long keepAliveTimer = -1;

    XFirehose(XFirehoseConfig config, Vertx vertx) {
        if (config.editEvery() == 1 || config.editEvery() < 0) {
            throw new IllegalArgumentException("clearpost.sandbox.x-firehose.edit-every must be 0 or at least 2");
        }
        this.config = config;
        this.vertx = vertx;
        this.tweets = new XTweets(XTweets.accounts(config.accounts()), config.terms());
        this.store = new XTweetStore(config.maxStored());
        this.connects = new FixedWindowRateLimiter(config.connectLimit(), config.rateWindow(), Clock.systemUTC());
        this.reads = new FixedWindowRateLimiter(config.readLimit(), config.rateWindow(), Clock.systemUTC());
    }

    void start(@Observes StartupEvent event) {
        generator = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "x-firehose");
            t.setDaemon(true);
            return t;
        });
        generator.scheduleAtFixedRate(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
        keepAliveTimer = vertx.setPeriodic(config.keepAlive().toMillis(), id -> streams.values().forEach(s -> {
            if (!s.silent()) {
                s.send(KEEP_ALIVE);
            }
        }));
    }

    void stop(@Observes ShutdownEvent event) {
        if (generator != null) {
            generator.shutdownNow();
        }
        if (keepAliveTimer >= 0) {
            vertx.cancelTimer(keepAliveTimer);
        }
    }

    XTweets tweets() {
        return tweets;
    }

    @Override
    public String network() {
        return "x";
    }

    @Override
    public void burst(int perSecond, Duration duration) {
        bursts.add(new Burst(perSecond, System.nanoTime(), duration.toNanos(), new AtomicLong()));
    }

    @Override
    public boolean say(List<String> texts) {
        toSay.addAll(texts);
        return true;
    }

    @Override
    public void drop() {
        List<Stream> open = new ArrayList<>(streams.values());
        LOG.infof("Dropping %d X stream connection(s)", open.size());
        open.forEach(Stream::close);
    }

    @Override
    public void silence(Duration duration) {
        long until = System.nanoTime() + duration.toNanos();
        streams.values().forEach(s -> s.silentUntilNanos = until);
        LOG.infof("Silencing %d X stream connection(s) for %s", streams.size(), duration);
    }

    @Override
    public long made() {
        lock.readLock().lock();
        try {
            return made;
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public void reset() {
        bursts.clear();
        toSay.clear();
        lock.writeLock().lock();
        try {
            store.clear();
            tweets.forgetSaid();
            made = 0;
            edits = 0;
            connected.set(0);
        } finally {
            lock.writeLock().unlock();
        }
        connects.reset();
        reads.reset();
        drop();
    }

    /** Makes {@code count} posts at once (outside any burst); for tests that need posts before they connect. */
    public void make(int count) {
        lock.writeLock().lock();
        try {
            publish(makeLocked(count));
        } finally {
            lock.writeLock().unlock();
        }
    }

    public Stats stats() {
        lock.readLock().lock();
        try {
            long stored = store.end() - store.first();
            return new Stats(made, edits, stored, stored == 0 ? 0 : store.id(store.first()),
                    stored == 0 ? 0 : store.id(store.end() - 1), streams.size(), connected.get());
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Every stored post's id, oldest first, one a line. */
    public String ids() {
        lock.readLock().lock();
        try {
            StringBuilder lines = new StringBuilder((int) Math.min(Integer.MAX_VALUE / 2, (store.end() - store.first()) * 20));
            for (long p = store.first(); p < store.end(); p++) {
                lines.append(store.id(p)).append('\n');
            }
            return lines.toString();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Counts one search or timeline call by an app. */
    Decision read(String endpoint, String app) {
        return reads.acquire(endpoint + ' ' + app);
    }

    /**
     * Opens the stream for {@code app} on {@code response}, or answers why not: 429 after the connect limit, 429
     * {@code TooManyConnections} while the app already has one open. Runs on the connection's event loop.
     */
    void connect(String app, HttpServerResponse response) {
        Decision rate = connects.acquire("GET /2/tweets/search/stream " + app);
        rateHeaders(response, rate);
        if (!rate.allowed()) {
            refuse(response, "{\"title\":\"Too Many Requests\",\"type\":\"about:blank\",\"status\":429,"
                    + "\"detail\":\"Too Many Requests\"}");
            return;
        }
        Stream stream = new Stream(app, response, Vertx.currentContext());
        lock.writeLock().lock();
        try {
            if (streams.putIfAbsent(app, stream) != null) {
                refuse(response, "{\"title\":\"ConnectionException\",\"detail\":\"This stream is currently at the "
                        + "maximum allowed connection limit.\",\"connection_issue\":\"TooManyConnections\","
                        + "\"type\":\"https://api.twitter.com/2/problems/streaming-connection\"}");
                return;
            }
            response.closeHandler(v -> forget(stream));
            response.exceptionHandler(e -> forget(stream));
            response.setWriteQueueMaxSize(config.slowClientBytes());
            response.setChunked(true).setStatusCode(200).putHeader("content-type", "application/json; charset=utf-8");
            response.writeHead();
            connected.incrementAndGet();
        } finally {
            lock.writeLock().unlock();
        }
        LOG.infof("X stream connected for app %s (%d connects left in this window)", shortApp(app), rate.remaining());
    }

    /**
     * Recent search: posts matching {@code query}, newer than {@code sinceId}, older than {@code untilId}, newest
     * first, {@code max} a page. A next token is the oldest id of its page, read back as the next page's until id.
     */
    Page search(XSearchQuery query, Long sinceId, Long untilId, Instant startTime, Instant endTime, int max) {
        return scan(sinceId, untilId, startTime, endTime, max, Long.MAX_VALUE,
                (seq, edit) -> query.matches(tweets.searchableText(seq, edit)));
    }

    /**
     * The mentions timeline of {@code accountId}: like search, over the 800 most recent posts mentioning it (all X
     * keeps on that timeline).
     */
    Page mentions(String accountId, Long sinceId, Long untilId, Instant startTime, Instant endTime, int max) {
        return scan(sinceId, untilId, startTime, endTime, max, 800, (seq, edit) -> tweets.mentions(seq, edit, accountId));
    }

    private interface Match {
        boolean test(long seq, boolean edit);
    }

    private Page scan(Long sinceId, Long untilId, Instant startTime, Instant endTime, int max, long newestOnly,
            Match match) {
        long lowerId = Math.max(sinceId == null ? -1 : sinceId,
                startTime == null ? -1 : XTweets.firstIdAt(startTime) - 1);
        long upperId = Math.min(untilId == null ? Long.MAX_VALUE : untilId,
                endTime == null ? Long.MAX_VALUE : XTweets.firstIdAt(endTime));
        lock.readLock().lock();
        try {
            List<Post> posts = new ArrayList<>();
            long low = store.after(lowerId);
            long seen = 0;
            // newestOnly counts matches from the newest post held, whatever the page asks for.
            for (long p = store.end() - 1; p >= low && seen < newestOnly; p--) {
                long id = store.id(p);
                long original = store.original(p);
                if (!match.test(p, id != original)) {
                    continue;
                }
                seen++;
                if (id >= upperId) {
                    continue;
                }
                if (posts.size() == max) {
                    return new Page(posts, Long.toString(posts.get(max - 1).id(), 36));
                }
                posts.add(new Post(id, original, p));
            }
            return new Page(posts, null);
        } finally {
            lock.readLock().unlock();
        }
    }

    private void tick() {
        try {
            long now = System.nanoTime();
            int due = 0;
            for (Burst b : bursts) {
                long elapsed = Math.min(now - b.startNanos(), b.durationNanos());
                long should = Math.min(b.total(), elapsed * b.perSecond() / 1_000_000_000L);
                due += (int) (should - b.made().get());
                b.made().set(should);
                if (should >= b.total()) {
                    bursts.remove(b);
                }
            }
            if (due > 0) {
                lock.writeLock().lock();
                try {
                    publish(makeLocked(due));
                } finally {
                    lock.writeLock().unlock();
                }
            }
        } catch (RuntimeException e) {
            LOG.error("X firehose tick failed", e);
        }
    }

    private Buffer makeLocked(int count) {
        StringBuilder lines = new StringBuilder(count * 700);
        for (int i = 0; i < count; i++) {
            long seq = store.end();
            long id = Long.parseLong(Ids.next());
            boolean edit = config.editEvery() > 0 && seq > 0 && seq % config.editEvery() == config.editEvery() - 1
                    && store.end() - 1 >= store.first();
            long original = edit ? store.original(seq - 1) : id;
            String own = edit ? null : toSay.poll();
            if (own != null) {
                tweets.say(seq, own);
            }
            store.append(id, original);
            if (edit) {
                edits++;
            } else {
                made++;
            }
            lines.append(tweets.streamLine(id, original, seq)).append("\r\n");
        }
        return Buffer.buffer(lines.toString());
    }

    private void publish(Buffer lines) {
        for (Stream s : streams.values()) {
            if (!s.silent()) {
                s.send(lines);
            }
        }
    }

    private void forget(Stream stream) {
        if (streams.remove(stream.app, stream)) {
            LOG.infof("X stream of app %s closed", shortApp(stream.app));
        }
    }

    private static void refuse(HttpServerResponse response, String body) {
        response.setStatusCode(429).putHeader("content-type", "application/json; charset=utf-8").end(body);
    }

    static void rateHeaders(HttpServerResponse response, Decision rate) {
        response.putHeader("x-rate-limit-limit", Integer.toString(rate.limit()))
                .putHeader("x-rate-limit-remaining", Integer.toString(rate.remaining()))
                .putHeader("x-rate-limit-reset", Long.toString(rate.resetEpochSeconds()));
    }

    static String shortApp(String fingerprint) {
        return fingerprint.substring(0, 12);
    }
}
