package org.clearpost.monitoring.bluesky;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.clearpost.events.Network;
import org.clearpost.monitoring.intake.IntakeSink;
import org.clearpost.monitoring.intake.NetworkIntake;
import org.clearpost.monitoring.intake.RawItem;
import org.jboss.logging.Logger;

/**
 * Bluesky through Jetstream: every {@code app.bsky.feed.post} commit, whoever wrote it, because Jetstream filters on
 * the author's repo ({@code wantedDids}) and a mention of the body is written in someone else's repo; the pipeline
 * keeps those that mention the body or match a query. The cursor is the last {@code time_us} written. A reconnect asks
 * for {@code cursor - rewind} (Jetstream's cursor is inclusive and it is at-least-once, so repeats are expected and
 * deduplicated downstream on at-uri and cid; a gap is not acceptable). A cursor older than Jetstream replays is first
 * covered by paging the account's notifications back to it.
 */
@ApplicationScoped
public class JetstreamIntake implements NetworkIntake {

    public static final String NAME = "bluesky-jetstream";
    private static final Logger LOG = Logger.getLogger(JetstreamIntake.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** WebSocket message parts requested ahead: bounds what sits in memory unwritten. */
    private static final int WINDOW = 2_000;

    private final BlueskyConfig config;
    private final Clock clock;
    private final ExecutorService listenerThreads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "bluesky-jetstream-ws");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient http;

    public JetstreamIntake(BlueskyConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.http = HttpClient.newBuilder().executor(listenerThreads).connectTimeout(Duration.ofSeconds(10)).build();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean enabled() {
        return config.enabled();
    }

    @Override
    public void run(IntakeSink sink) throws Exception {
        Long cursor = sink.cursor(NAME).map(Long::valueOf).orElse(null);
        // Notifications read up to this time: a retry soon after needs no second pass
        Long caughtUpTo = null;
        Duration backoff = config.reconnectMinBackoff();
        while (!Thread.currentThread().isInterrupted()) {
            // Checked before every connection, not once: Jetstream may be unreachable for longer than it keeps
            long trusted = micros(clock.instant().minus(config.jetstreamLookback()));
            if (cursor != null && cursor < trusted && (caughtUpTo == null || caughtUpTo < trusted)) {
                long now = micros(clock.instant());
                catchUpFromNotifications(sink, caughtUpTo == null ? cursor : Math.max(cursor, caughtUpTo));
                caughtUpTo = now;
            }
            Session session = new Session();
            try {
                cursor = session.read(sink, cursor);
            } catch (IOException | ExecutionException | TimeoutException e) {
                LOG.warnf("Jetstream connection ended: %s; reconnecting from %s after %s", e, cursor, backoff);
            } finally {
                session.abort();
            }
            if (session.received > 0) {
                backoff = config.reconnectMinBackoff();
            }
            Thread.sleep(backoff.toMillis());
            backoff = backoff.multipliedBy(2).compareTo(config.reconnectMaxBackoff()) > 0
                    ? config.reconnectMaxBackoff() : backoff.multipliedBy(2);
        }
        throw new InterruptedException();
    }

    /** Jetstream's subscribe URL for a cursor: rewound, inclusive; none means from now. */
    URI subscribeUri(Long cursor) {
        StringBuilder uri = new StringBuilder(config.jetstreamUrl().orElseThrow().toString());
        uri.append(uri.indexOf("?") < 0 ? '?' : '&').append("wantedCollections=").append(BlueskyNormaliser.POST);
        if (cursor != null) {
            long rewound = Math.max(0, cursor - config.rewind().toNanos() / 1000);
            uri.append("&cursor=").append(URLEncoder.encode(Long.toString(rewound), StandardCharsets.UTF_8));
        }
        return URI.create(uri.toString());
    }

    /**
     * Pages the account's mentions, replies and quotes back to the cursor (less the rewind) and hands them over, so the
     * part of the gap Jetstream no longer has is covered for what is said to the account. Posts that only match a
     * query in that part are not in notifications (searchPosts would find them; not done here).
     */
    private void catchUpFromNotifications(IntakeSink sink, long cursor) throws IOException, InterruptedException {
        Instant since = instant(cursor).minus(config.rewind());
        if (!config.canCatchUp()) {
            LOG.errorf("Bluesky intake was away since %s, longer than Jetstream replays (%s), and has no session "
                    + "account (clearpost.monitoring.bluesky.identifier, app-password, service-url) to read "
                    + "notifications with: mentions before %s are missed", since, config.jetstreamLookback(),
                    clock.instant().minus(config.jetstreamLookback()));
            return;
        }
        NotificationsClient client = NotificationsClient.login(http, config.serviceUrl().orElseThrow(),
                config.identifier().orElseThrow(), config.appPassword().orElseThrow());
        String page = null;
        int total = 0;
        boolean reachedCursor = false;
        do {
            NotificationsClient.Page notifications = client.page(page);
            List<RawItem> items = new ArrayList<>();
            Instant now = clock.instant();
            for (JsonNode n : notifications.notifications()) {
                Instant indexedAt = parse(n.path("indexedAt").asText(null));
                if (indexedAt != null && indexedAt.isBefore(since)) {
                    reachedCursor = true;
                    continue;
                }
                items.add(new RawItem(Network.BLUESKY, n.path("uri").asText("bluesky:unparseable"),
                        BlueskyNormaliser.NOTIFICATION, client.did, now, n.toString()));
            }
            if (!items.isEmpty()) {
                // The cursor stays: these are older than what Jetstream replays next
                sink.write(NAME, items, null);
                total += items.size();
            }
            page = notifications.cursor();
        } while (page != null && !reachedCursor);
        LOG.infof("Bluesky: read %d notifications back to %s, beyond what Jetstream replays", total, since);
    }

    /** One WebSocket connection: read, batch, write with the cursor; returns the cursor reached when it ends. */
    private final class Session implements WebSocket.Listener {
        private static final Object END = new Object();
        private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
        private final AtomicInteger consumedParts = new AtomicInteger();
        private final StringBuilder partial = new StringBuilder();
        private volatile WebSocket socket;
        private volatile Throwable failure;
        long received;

        Long read(IntakeSink sink, Long cursor) throws Exception {
            URI uri = subscribeUri(cursor);
            socket = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10)).buildAsync(uri, this)
                    .get(30, TimeUnit.SECONDS);
            socket.request(WINDOW);
            LOG.infof("Jetstream connected from cursor %s", cursor);
            long silenceMs = config.silenceTimeout().toMillis();
            while (true) {
                Object first = queue.poll(silenceMs, TimeUnit.MILLISECONDS);
                if (first == null) {
                    LOG.warnf("Jetstream sent nothing for %s: reconnecting", config.silenceTimeout());
                    return cursor;
                }
                List<String> messages = new ArrayList<>();
                boolean ended = first == END;
                if (!ended) {
                    messages.add((String) first);
                    long lingerUntil = System.nanoTime() + config.batchLinger().toNanos();
                    while (messages.size() < config.batchSize()) {
                        Object next = queue.poll(Math.max(0, lingerUntil - System.nanoTime()), TimeUnit.NANOSECONDS);
                        if (next == null) {
                            break;
                        }
                        if (next == END) {
                            ended = true;
                            break;
                        }
                        messages.add((String) next);
                    }
                }
                cursor = write(sink, messages, cursor);
                received += messages.size();
                int parts = consumedParts.getAndSet(0);
                if (parts > 0 && !ended) {
                    socket.request(parts);
                }
                if (ended) {
                    if (failure != null) {
                        throw new IOException("Jetstream connection failed", failure);
                    }
                    LOG.infof("Jetstream closed the connection at cursor %s", cursor);
                    return cursor;
                }
            }
        }

        /** Hands the batch's posts over with the newest {@code time_us} as the cursor; returns that cursor. */
        private Long write(IntakeSink sink, List<String> messages, Long cursor) {
            if (messages.isEmpty()) {
                return cursor;
            }
            List<RawItem> items = new ArrayList<>(messages.size());
            Instant now = clock.instant();
            Long newest = cursor;
            for (String message : messages) {
                JsonNode event;
                try {
                    event = JSON.readTree(message);
                } catch (IOException e) {
                    // The pipeline dead-letters it with the reason; the intake never drops what it read
                    items.add(new RawItem(Network.BLUESKY, "bluesky:unparseable", BlueskyNormaliser.JETSTREAM_COMMIT,
                            null, now, message));
                    continue;
                }
                long timeUs = event.path("time_us").asLong(0);
                if (timeUs > 0 && (newest == null || timeUs > newest)) {
                    newest = timeUs;
                }
                JsonNode commit = event.path("commit");
                if (!"commit".equals(event.path("kind").asText())
                        || !BlueskyNormaliser.POST.equals(commit.path("collection").asText())) {
                    continue; // identity and account events move the cursor only
                }
                String key = BlueskyNormaliser.atUri(event.path("did").asText(), commit.path("rkey").asText());
                items.add(new RawItem(Network.BLUESKY, key, BlueskyNormaliser.JETSTREAM_COMMIT, null, now, message));
            }
            if (!items.isEmpty() || (newest != null && !newest.equals(cursor))) {
                sink.write(NAME, items, newest == null ? null : Long.toString(newest));
            }
            return newest;
        }

        void abort() {
            WebSocket s = socket;
            if (s != null) {
                s.abort();
            }
        }

        @Override
        public java.util.concurrent.CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            consumedParts.incrementAndGet();
            partial.append(data);
            if (last) {
                queue.add(partial.toString());
                partial.setLength(0);
            }
            return null;
        }

        @Override
        public java.util.concurrent.CompletionStage<?> onBinary(WebSocket webSocket, java.nio.ByteBuffer data,
                boolean last) {
            consumedParts.incrementAndGet(); // compressed frames are not asked for
            return null;
        }

        @Override
        public java.util.concurrent.CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            queue.add(END);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            failure = error;
            queue.add(END);
        }
    }

    private static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1000;
    }

    private static Instant instant(long micros) {
        return Instant.ofEpochSecond(micros / 1_000_000, (micros % 1_000_000) * 1000);
    }

    private static Instant parse(String value) {
        try {
            return value == null ? null : OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    @PreDestroy
    void close() {
        listenerThreads.shutdownNow();
    }
}
