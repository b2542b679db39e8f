package org.clearpost.monitoring.x;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.clearpost.events.Network;
import org.clearpost.monitoring.intake.IntakeSink;
import org.clearpost.monitoring.intake.NetworkIntake;
import org.clearpost.monitoring.intake.RawItem;
import org.clearpost.monitoring.x.XApiClient.XHttpException;
import org.jboss.logging.Logger;

/**
 * X's filtered stream, resumed without loss. The cursor is the highest post id handled. Each (re)connection opens the
 * stream first, then fills the gap since the cursor with recent search ({@code since_id}, every page, newest first),
 * and only then hands over what the stream delivered meanwhile, so every post is either found by the search or
 * read from the stream. Repeats (a post found by both) are deduplicated downstream.
 *
 * <p>Reconnection follows X: at once after a drop or 20 s without a byte, then X's back-off per kind of failure
 * ({@link XBackoff}).
 */
@ApplicationScoped
public class XFilteredStreamIntake implements NetworkIntake {

    public static final String NAME = "x-filtered-stream";
    static final String KIND = "tweet";

    private static final Logger LOG = Logger.getLogger(XFilteredStreamIntake.class);
    // A snowflake id's low 22 bits are not time: shifting a duration in ms by 22 gives the same span in ids.
    private static final int TIME_SHIFT = 22;
    private static final int MAX_QUERY = 512;
    private static final long CHECK_NANOS = Duration.ofMillis(250).toNanos();

    private final XConfig config;
    private final ObjectMapper mapper;
    // Kept across runs of this bean: a run restarted by the supervisor still knows when watching began.
    private volatile Instant firstConnectedAt;

    XFilteredStreamIntake(XConfig config, ObjectMapper mapper) {
        this.config = config;
        this.mapper = mapper;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean enabled() {
        return config.baseUrl().isPresent() && config.bearerToken().filter(t -> !t.isBlank()).isPresent();
    }

    @Override
    public void run(IntakeSink sink) throws Exception {
        XApiClient x = new XApiClient(config, mapper);
        XBackoff backoff = new XBackoff(config);
        Long cursor = sink.cursor(NAME).map(Long::parseLong).orElse(null);
        LOG.infof("X filtered stream intake starting from cursor %s", cursor);
        Duration wait = Duration.ZERO;
        while (true) {
            if (!wait.isZero()) {
                Thread.sleep(wait.toMillis());
            }
            InputStream body;
            try {
                body = x.openStream();
            } catch (IOException e) {
                wait = backoff.next(XBackoff.Failure.NETWORK);
                LOG.warnf("X stream connect failed (%s); retrying in %s", e.toString(), wait);
                continue;
            } catch (XHttpException e) {
                wait = backoffFor(backoff, e);
                LOG.warnf("%s; retrying in %s", e.getMessage(), wait);
                continue;
            }
            backoff.connected();
            boolean firstConnection = firstConnectedAt == null;
            if (firstConnection) {
                firstConnectedAt = Instant.now();
            }
            try (XStreamReader reader = new XStreamReader(body, config.bufferedLines(), "x-stream-reader").start()) {
                try {
                    cursor = fillGap(x, sink, cursor, firstConnection);
                } catch (IOException e) {
                    wait = backoff.next(XBackoff.Failure.NETWORK);
                    LOG.warnf("X gap fill failed (%s); reconnecting in %s", e.toString(), wait);
                    continue;
                } catch (XHttpException e) {
                    wait = backoffFor(backoff, e);
                    LOG.warnf("X gap fill failed: %s; reconnecting in %s", e.getMessage(), wait);
                    continue;
                }
                cursor = readLive(reader, sink, cursor);
                // X: after an established connection drops, reconnect at once.
                wait = Duration.ZERO;
            }
        }
    }

    /**
     * Searches every post since the cursor (rewound by the gap overlap) and writes them, page by page; the cursor moves
     * only with the last page, once the whole gap is durable. With no cursor yet, it searches from the first
     * connection of this run, or (first connection ever) does nothing: there is no gap before the start.
     */
    Long fillGap(XApiClient x, IntakeSink sink, Long cursor, boolean firstConnection)
            throws IOException, InterruptedException, XHttpException {
        Long since = cursor == null ? null
                : Math.max(0, cursor - (config.gapOverlap().toMillis() << TIME_SHIFT));
        Instant start = null;
        if (cursor == null) {
            // A fresh intake's first connection has nothing to catch up; a later one catches up from that moment.
            if (firstConnection) {
                return null;
            }
            start = firstConnectedAt.minus(config.gapOverlap());
        }
        List<String> queries = gapQueries(x);
        if (queries.isEmpty()) {
            LOG.warn("X gap fill skipped: no query configured, no stream rules and no own handles");
            return cursor;
        }
        long newest = cursor == null ? -1 : cursor;
        int found = 0;
        int pages = 0;
        // Pages are gathered up to a batch: a Kafka transaction costs the same for 100 items as for 2,000.
        List<RawItem> items = new ArrayList<>();
        for (int q = 0; q < queries.size(); q++) {
            String token = null;
            do {
                XApiClient.Page page = x.search(queries.get(q), since, start, token);
                pages++;
                newest = Math.max(newest, page.newestId());
                token = page.nextToken();
                boolean last = token == null && q == queries.size() - 1;
                Long moved = newest < 0 || Objects.equals(cursor, newest) ? null : newest;
                Instant now = Instant.now();
                page.posts().forEach(p -> items.add(new RawItem(Network.X, p.key(), KIND, null, now, p.json())));
                found += page.posts().size();
                if (items.size() >= config.batchSize() || (last && (!items.isEmpty() || moved != null))) {
                    sink.write(NAME, List.copyOf(items), last && moved != null ? Long.toString(moved) : null);
                    items.clear();
                }
            } while (token != null);
        }
        LOG.infof("X gap since %s filled by recent search: %d post(s) in %d page(s)", since != null ? since : start,
                found, pages);
        return newest < 0 ? cursor : Long.valueOf(newest);
    }

    /** The configured query, else the stream's rules OR-ed in pieces X accepts, else the own handles. */
    private List<String> gapQueries(XApiClient x) throws IOException, InterruptedException, XHttpException {
        if (config.query().filter(q -> !q.isBlank()).isPresent()) {
            return List.of(config.query().get());
        }
        List<String> terms = new ArrayList<>(x.ruleValues().stream().map(r -> "(" + r + ")").toList());
        if (terms.isEmpty()) {
            config.ownHandles().orElse(List.of()).forEach(h -> terms.add("@" + h.replaceFirst("^@", "")));
        }
        return orQueries(terms, MAX_QUERY);
    }

    /** Terms OR-ed into as few queries of at most {@code max} characters as they fit in. */
    static List<String> orQueries(List<String> terms, int max) {
        List<String> queries = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String term : terms) {
            if (term.length() > max) {
                LOG.warnf("X rule longer than %d characters left out of the gap fill: %s", max, term);
                continue;
            }
            if (current.length() > 0 && current.length() + 4 + term.length() > max) {
                queries.add(current.toString());
                current.setLength(0);
            }
            current.append(current.length() == 0 ? "" : " OR ").append(term);
        }
        if (current.length() > 0) {
            queries.add(current.toString());
        }
        return queries;
    }

    /**
     * Hands over what the stream delivers, in batches of up to the batch size or whatever came within the linger,
     * until the stream ends or falls silent for the keep-alive timeout; returns the cursor reached.
     */
    private Long readLive(XStreamReader reader, IntakeSink sink, Long cursor) throws InterruptedException {
        long lingerNanos = config.batchLinger().toNanos();
        long timeoutNanos = config.keepAliveTimeout().toNanos();
        List<XStreamReader.Line> lines = new ArrayList<>(config.batchSize());
        List<RawItem> batch = new ArrayList<>(config.batchSize());
        long batchMax = -1;
        long batchStarted = 0;
        Long reached = cursor;
        while (true) {
            long wait = batch.isEmpty() ? CHECK_NANOS : Math.max(0, batchStarted + lingerNanos - System.nanoTime());
            lines.clear();
            reader.take(lines, config.batchSize() - batch.size(), wait);
            String ended = null;
            for (XStreamReader.Line line : lines) {
                if (line.end()) {
                    ended = line.endReason();
                    break;
                }
                XPosts.Line post = XPosts.read(line.text());
                if (post.kind() == XPosts.Kind.ERROR) {
                    LOG.warnf("X stream error message: %s", XApiClient.abbreviate(line.text()));
                    continue;
                }
                if (batch.isEmpty()) {
                    batchStarted = System.nanoTime();
                }
                String key = post.kind() == XPosts.Kind.POST ? post.key() : "unreadable";
                batch.add(new RawItem(Network.X, key, KIND, null, line.receivedAt(), line.text()));
                batchMax = Math.max(batchMax, post.id());
            }
            boolean full = batch.size() >= config.batchSize();
            boolean due = !batch.isEmpty() && System.nanoTime() - batchStarted >= lingerNanos;
            if (!batch.isEmpty() && (full || due || ended != null)) {
                Long moved = reached == null || batchMax > reached ? Long.valueOf(batchMax) : null;
                sink.write(NAME, List.copyOf(batch), moved == null || moved < 0 ? null : Long.toString(moved));
                if (moved != null && moved >= 0) {
                    reached = moved;
                }
                batch.clear();
                batchMax = -1;
            }
            if (ended != null) {
                LOG.infof("X stream ended (%s); reconnecting", ended);
                return reached;
            }
            if (batch.isEmpty() && reader.quietNanos() > timeoutNanos) {
                LOG.warnf("X stream sent nothing, not even a keep-alive, for %s; reconnecting",
                        config.keepAliveTimeout());
                return reached;
            }
        }
    }

    private static Duration backoffFor(XBackoff backoff, XHttpException e) {
        return e.rateLimited() ? backoff.rateLimited(e.remaining, e.resetEpochSeconds, Instant.now())
                : backoff.next(XBackoff.Failure.HTTP);
    }
}
