package org.clearpost.monitoring.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.clearpost.events.Network;
import org.clearpost.monitoring.intake.IntakeSink;
import org.clearpost.monitoring.intake.NetworkIntake;
import org.clearpost.monitoring.intake.RawItem;
import org.jboss.logging.Logger;

/**
 * Mentions of the body's Mastodon account, from the user's notification stream, with no gap across restarts and
 * dropped connections. Mastodon's streams have no cursor and no replay, so on start and on every reconnect it follows
 * the recipe the notifications API allows:
 * <ol>
 * <li><b>open the stream first</b>: from the moment the instance answers 200, every new notification is pushed on it
 * (and queued by {@link LiveStream} while the catch-up runs);</li>
 * <li><b>catch up</b> with {@code GET /api/v1/notifications?types[]=mention&min_id=<cursor>}: {@code min_id} answers
 * the page immediately newer than the cursor (newest first within the page), so paging forward means taking the
 * newest id of each page as the next {@code min_id}, which is what the {@code rel="prev"} link says; it ends at an
 * empty page. ({@code since_id} would answer the newest page above the cursor and skip what lies between.) The
 * link's path and query are followed against the configured base URL, so the token never goes to another host;</li>
 * <li><b>go live</b>: frames already written by the catch-up are skipped, everything else is written in batches.</li>
 * </ol>
 * The cursor is the newest notification id written; each batch goes through {@link IntakeSink#write} with it, so it
 * never passes an item that is not durable. An item read twice (stream and page, or after a crash) is deduplicated
 * downstream on the status id. The stream is reopened, after an exponential back-off, on any error, on the instance
 * closing it, and when nothing (not even a {@code :thump}) arrived for the heartbeat timeout. The REST calls respect
 * {@code X-RateLimit-*}: when none is left, it waits for the reset; on 429 likewise.
 */
@ApplicationScoped
public class MastodonIntake implements NetworkIntake {

    public static final String NAME = "mastodon";
    /** {@link RawItem#kind()} of a Notification entity (streamed or paged). */
    public static final String KIND_NOTIFICATION = "notification";
    /** {@link RawItem#kind()} of an edited Status from a {@code status.update} frame (only on {@code /streaming/user}). */
    public static final String KIND_STATUS_UPDATE = "status.update";

    private static final Logger LOG = Logger.getLogger(MastodonIntake.class);

    private final MastodonConfig config;
    private final ObjectMapper mapper;
    private final AtomicLong streamsOpened = new AtomicLong();

    MastodonIntake(MastodonConfig config, ObjectMapper mapper) {
        this.config = config;
        this.mapper = mapper;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean enabled() {
        return config.enabled();
    }

    /** How many times a stream was opened since start (a reconnect count for tests and logs). */
    public long streamsOpened() {
        return streamsOpened.get();
    }

    @Override
    public void run(IntakeSink sink) throws Exception {
        MastodonClient client = new MastodonClient(config, mapper);
        Backoff backoff = new Backoff(config.reconnectMin(), config.reconnectMax());
        String cursor = sink.cursor(NAME).orElse(null);
        while (true) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException();
            }
            Session session = new Session(client, sink, cursor, backoff);
            try {
                session.run();
            } catch (MastodonClient.RateLimited e) {
                cursor = session.cursor;
                LOG.warnf("Mastodon rate limit reached; waiting %s for the reset", e.retryIn);
                Thread.sleep(e.retryIn.toMillis());
            } catch (IOException e) {
                cursor = session.cursor;
                Duration wait = backoff.next();
                LOG.warnf("Mastodon stream lost (%s); reconnecting in %d ms from notification %s", e.getMessage(),
                        wait.toMillis(), cursor);
                Thread.sleep(wait.toMillis());
            }
        }
    }

    /** One connection: open, catch up, live until it fails. */
    private final class Session {
        private final MastodonClient client;
        private final IntakeSink sink;
        private final Backoff backoff;
        private final Set<String> caughtUp = new HashSet<>();
        String cursor;

        Session(MastodonClient client, IntakeSink sink, String cursor, Backoff backoff) {
            this.client = client;
            this.sink = sink;
            this.cursor = cursor;
            this.backoff = backoff;
        }

        void run() throws IOException, InterruptedException {
            try (LiveStream stream = client.openStream()) {
                streamsOpened.incrementAndGet();
                int caught = catchUp();
                LOG.infof("Mastodon stream open; caught up %d mention(s), now at notification %s", caught, cursor);
                backoff.reset();
                live(stream);
            }
        }

        private int catchUp() throws IOException, InterruptedException {
            // No cursor yet (first start): everything the instance still holds, oldest first.
            URI next = client.notificationsAfter(cursor == null ? "0" : cursor);
            RateLimit rate = RateLimit.NONE;
            int written = 0;
            while (true) {
                Duration wait = rate.waitBeforeNext(Instant.now());
                if (!wait.isZero()) {
                    LOG.infof("Mastodon rate limit spent; waiting %s before the next page", wait);
                    Thread.sleep(wait.toMillis());
                }
                MastodonClient.Page page = client.page(next);
                rate = page.rateLimit();
                if (page.elements().isEmpty()) {
                    return written;
                }
                Instant now = Instant.now();
                List<RawItem> items = new ArrayList<>(page.elements().size());
                String newest = cursor;
                // the page is newest first; the raw topic gets them in the order they happened
                for (int i = page.elements().size() - 1; i >= 0; i--) {
                    MastodonClient.Element e = page.elements().get(i);
                    items.add(item(KIND_NOTIFICATION, e.node(), e.node().toString(), now));
                    if (e.id() != null) {
                        caughtUp.add(e.id());
                        newest = max(newest, e.id());
                    }
                }
                if (newest == null || newest.equals(cursor)) {
                    throw new IOException("the notifications page after " + cursor + " did not move forward");
                }
                sink.write(NAME, items, newest);
                cursor = newest;
                written += items.size();
                URI fallback = client.notificationsAfter(newest);
                next = page.prev().map(link -> sameHost(link, fallback)).orElse(fallback);
            }
        }

        private void live(LiveStream stream) throws IOException, InterruptedException {
            List<RawItem> batch = new ArrayList<>();
            String batchCursor = cursor;
            while (true) {
                LiveStream.Signal signal = stream.next(config.heartbeatTimeout());
                if (signal == null) {
                    throw new IOException("no frame and no heartbeat for " + config.heartbeatTimeout());
                }
                long lingerUntil = System.nanoTime() + config.batchLinger().toNanos();
                IOException end = null;
                while (signal != null) {
                    if (signal instanceof LiveStream.End e) {
                        end = e.cause();
                        break;
                    }
                    if (signal instanceof LiveStream.Event event) {
                        batchCursor = accept(event, batch, batchCursor);
                    }
                    if (batch.size() >= config.batchSize()) {
                        break;
                    }
                    signal = stream.poll();
                    if (signal == null && !batch.isEmpty()) {
                        long left = lingerUntil - System.nanoTime();
                        signal = left > 0 ? stream.next(Duration.ofNanos(left)) : null;
                    }
                }
                if (!batch.isEmpty()) {
                    sink.write(NAME, List.copyOf(batch), batchCursor);
                    cursor = batchCursor;
                    batch.clear();
                }
                if (end != null) {
                    throw end;
                }
            }
        }

        /** Adds what one frame carries to the batch; returns the cursor after it. */
        private String accept(LiveStream.Event event, List<RawItem> batch, String batchCursor) {
            Instant now = Instant.now();
            switch (event.event()) {
                case "notification" -> {
                    JsonNode node = parse(event.data());
                    if (node == null) {
                        batch.add(unparseable(event));
                        return batchCursor;
                    }
                    String id = node.path("id").asText(null);
                    if (!"mention".equals(node.path("type").asText()) || id == null) {
                        return batchCursor; // favourites, follows, boosts: not mentions
                    }
                    if (caughtUp.remove(id)) {
                        return batchCursor; // already written by the catch-up
                    }
                    batch.add(item(KIND_NOTIFICATION, node, event.data(), now));
                    return max(batchCursor, id);
                }
                case "status.update" -> {
                    JsonNode node = parse(event.data());
                    batch.add(node == null ? unparseable(event) : item(KIND_STATUS_UPDATE, node, event.data(), now));
                    return batchCursor;
                }
                default -> {
                    return batchCursor; // update, delete, filters_changed, announcements: nothing to monitor
                }
            }
        }

        private JsonNode parse(String data) {
            try {
                JsonNode node = mapper.readTree(data);
                return node != null && node.isObject() ? node : null;
            } catch (IOException e) {
                return null;
            }
        }

        /** A frame that is not JSON still reaches the pipeline, which dead-letters it with the reason. */
        private RawItem unparseable(LiveStream.Event event) {
            return new RawItem(Network.MASTODON, "unparseable:" + sha256(event.data()), event.event(),
                    config.account(), Instant.now(), event.data());
        }

        private URI sameHost(URI link, URI fallback) {
            // Only the path and query of the instance's link: the bearer token goes to the configured host only.
            String query = link.getRawQuery();
            return query == null ? fallback
                    : URI.create(fallback.toString().substring(0, fallback.toString().indexOf('?')) + "?" + query);
        }
    }

    private RawItem item(String kind, JsonNode node, String payload, Instant now) {
        JsonNode status = KIND_STATUS_UPDATE.equals(kind) ? node : node.path("status");
        // The status URI is the same for every edit of a status and for its copies on every instance.
        String key = status.path("uri").asText(null);
        if (key == null) {
            key = status.path("id").asText(null);
        }
        if (key == null) {
            key = "notification:" + node.path("id").asText("unknown");
        }
        return new RawItem(Network.MASTODON, key, kind, config.account(), now, payload);
    }

    /** The greater of two Mastodon ids (numeric strings of any length); null counts as lowest. */
    static String max(String a, String b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return compareIds(a, b) >= 0 ? a : b;
    }

    static int compareIds(String a, String b) {
        if (a.length() != b.length() && a.chars().allMatch(Character::isDigit) && b.chars().allMatch(Character::isDigit)) {
            return Integer.compare(a.length(), b.length());
        }
        return a.compareTo(b);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
