package org.clearpost.sandbox.mastodon;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.clearpost.sandbox.firehose.NetworkFirehose;
import org.jboss.logging.Logger;

/**
 * The sandbox instance's notifications of the configured user: made by bursts, kept for {@code GET
 * /api/v1/notifications}, and pushed as SSE frames to every open {@code /api/v1/streaming/user[/notification]}
 * connection. A notification is stored and pushed under one lock, and a connection is registered under the same lock,
 * so every notification is either in the store before a connection opens or pushed on it: a client that opens the
 * stream first and then pages from its cursor misses nothing. Ids keep increasing across resets, as a real
 * instance's would, so a client's cursor from before a reset never hides new notifications.
 */
@ApplicationScoped
public class MastodonFirehose implements NetworkFirehose {

    /** One open stream; implemented over the HTTP response by {@link MastodonStreaming}. */
    interface LiveConnection {
        /** Queues text on the connection (never blocks). */
        void send(String text);

        /** Closes the TCP connection at once. */
        void close();
    }

    private static final Logger LOG = Logger.getLogger(MastodonFirehose.class);
    private static final long TICK_MILLIS = 10;

    private record Burst(int perSecond, long startNanos, long endNanos, AtomicLong made) {
    }

    private final Object lock = new Object();
    private final NavigableMap<Long, String> notifications = new ConcurrentSkipListMap<>();
    private final Map<LiveConnection, Instant> connections = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<Burst> bursts = new CopyOnWriteArrayList<>();
    private final java.util.Queue<String> toSay = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final AtomicLong made = new AtomicLong();
    private final AtomicLong opened = new AtomicLong();
    private final MentionNotifications factory;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "mastodon-firehose");
        t.setDaemon(true);
        return t;
    });
    private long lastId = 1_000_000;

    private final MastodonRateLimit rateLimit;

    MastodonFirehose(ObjectMapper mapper, MastodonSandboxConfig config, MastodonRateLimit rateLimit) {
        this.rateLimit = rateLimit;
        this.factory = new MentionNotifications(mapper, config);
        ticker.scheduleAtFixedRate(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
        long heartbeat = config.heartbeat().toMillis();
        ticker.scheduleAtFixedRate(this::heartbeat, heartbeat, heartbeat, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        ticker.shutdownNow();
    }

    @Override
    public String network() {
        return "mastodon";
    }

    @Override
    public void burst(int perSecond, Duration duration) {
        long now = System.nanoTime();
        bursts.add(new Burst(perSecond, now, now + duration.toNanos(), new AtomicLong()));
    }

    @Override
    public void drop() {
        synchronized (lock) {
            LOG.infof("Dropping %d Mastodon stream(s)", connections.size());
            connections.keySet().forEach(LiveConnection::close);
            connections.clear();
        }
    }

    @Override
    public void silence(Duration duration) {
        Instant until = Instant.now().plus(duration);
        synchronized (lock) {
            // Only the connections open now go quiet, as a stuck proxy would: a client that reconnects is served.
            connections.replaceAll((c, old) -> until);
        }
    }

    @Override
    public long made() {
        return made.get();
    }

    @Override
    public boolean say(List<String> texts) {
        toSay.addAll(texts);
        return true;
    }

    @Override
    public void reset() {
        bursts.clear();
        toSay.clear();
        drop();
        rateLimit.reset();
        synchronized (lock) {
            notifications.clear();
            made.set(0);
        }
    }

    /** Makes {@code count} notifications now (also used by bursts); returns the last id made. */
    public long make(int count) {
        synchronized (lock) {
            Instant now = Instant.now();
            StringBuilder frames = new StringBuilder();
            for (int i = 0; i < count; i++) {
                long id = ++lastId;
                String json = factory.notification(id, now, toSay.poll());
                notifications.put(id, json);
                frames.append("event: notification\ndata: ").append(json).append("\n\n");
            }
            made.addAndGet(count);
            if (count > 0) {
                send(frames.toString(), now);
            }
            return lastId;
        }
    }

    /** Registers a just-opened stream; from now on it gets every notification made. */
    void open(LiveConnection connection) {
        synchronized (lock) {
            connections.put(connection, Instant.MIN);
            opened.incrementAndGet();
        }
    }

    void closed(LiveConnection connection) {
        connections.remove(connection);
    }

    /** How many streams have been opened since start: lets a test see that a client reconnected. */
    public long streamsOpened() {
        return opened.get();
    }

    public int streamsOpen() {
        return connections.size();
    }

    /**
     * One page as Mastodon selects it, newest first. With {@code minId}: the {@code limit} notifications immediately
     * newer than it (paging forward); otherwise the newest ones below {@code maxId} and above {@code sinceId}.
     */
    List<Map.Entry<Long, String>> page(Long maxId, Long sinceId, Long minId, int limit) {
        NavigableMap<Long, String> range = notifications;
        if (maxId != null) {
            range = range.headMap(maxId, false);
        }
        List<Map.Entry<Long, String>> page = new ArrayList<>(limit);
        if (minId != null) {
            for (Map.Entry<Long, String> e : range.tailMap(minId, false).entrySet()) {
                if (page.size() == limit) {
                    break;
                }
                page.add(e);
            }
            java.util.Collections.reverse(page);
            return page;
        }
        if (sinceId != null) {
            range = range.tailMap(sinceId, false);
        }
        for (Map.Entry<Long, String> e : range.descendingMap().entrySet()) {
            if (page.size() == limit) {
                break;
            }
            page.add(e);
        }
        return page;
    }

    private void tick() {
        try {
            long now = System.nanoTime();
            int due = 0;
            for (Burst b : bursts) {
                long elapsed = Math.min(now, b.endNanos()) - b.startNanos();
                long owed = b.perSecond() * elapsed / 1_000_000_000L;
                long more = owed - b.made().get();
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
            LOG.error("Mastodon firehose tick failed", e);
        }
    }

    private void heartbeat() {
        synchronized (lock) {
            send(":thump\n", Instant.now());
        }
    }

    /** Sends to every connection not silenced at {@code now}; called under the lock. */
    private void send(String text, Instant now) {
        connections.forEach((connection, silentUntil) -> {
            if (!now.isBefore(silentUntil)) {
                connection.send(text);
            }
        });
    }
}
