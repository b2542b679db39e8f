package org.clearpost.monitoring.x;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.clearpost.events.Network;
import org.clearpost.monitoring.intake.IntakeSink;
import org.clearpost.monitoring.intake.NetworkIntake;
import org.clearpost.monitoring.intake.RawItem;
import org.clearpost.monitoring.x.XApiClient.XHttpException;
import org.jboss.logging.Logger;

/**
 * The mentions timeline ({@code GET /2/users/:id/mentions}) of each of the body's own accounts, polled: it catches
 * @mentions no stream rule covers. The cursor holds each account's {@code since_id} (the first page's newest id of
 * its last complete poll); it moves only once every page of a poll is durable.
 */
@ApplicationScoped
public class XMentionsTimelineIntake implements NetworkIntake {

    public static final String NAME = "x-mentions-timeline";

    private static final Logger LOG = Logger.getLogger(XMentionsTimelineIntake.class);

    private final XConfig config;
    private final ObjectMapper mapper;

    XMentionsTimelineIntake(XConfig config, ObjectMapper mapper) {
        this.config = config;
        this.mapper = mapper;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean enabled() {
        return config.baseUrl().isPresent() && config.bearerToken().filter(t -> !t.isBlank()).isPresent()
                && !config.ownAccountIds().orElse(List.of()).isEmpty();
    }

    @Override
    public void run(IntakeSink sink) throws Exception {
        XApiClient x = new XApiClient(config, mapper);
        XBackoff backoff = new XBackoff(config);
        Map<String, Long> cursors = decode(sink.cursor(NAME).orElse(null));
        LOG.infof("X mentions timeline intake starting for %s from %s", config.ownAccountIds().orElse(List.of()),
                cursors);
        while (true) {
            Duration wait = config.timelinePollInterval();
            for (String account : config.ownAccountIds().orElse(List.of())) {
                try {
                    poll(x, sink, account, cursors);
                    backoff.connected();
                } catch (IOException e) {
                    wait = backoff.next(XBackoff.Failure.NETWORK);
                    LOG.warnf("X mentions of %s: %s; next poll in %s", account, e.toString(), wait);
                    break;
                } catch (XHttpException e) {
                    wait = e.rateLimited() ? backoff.rateLimited(e.remaining, e.resetEpochSeconds, Instant.now())
                            : backoff.next(XBackoff.Failure.HTTP);
                    LOG.warnf("X mentions of %s: %s; next poll in %s", account, e.getMessage(), wait);
                    break;
                }
            }
            Thread.sleep(wait.toMillis());
        }
    }

    /** Reads every page newer than the account's cursor and writes them; the last write moves the cursor. */
    void poll(XApiClient x, IntakeSink sink, String account, Map<String, Long> cursors)
            throws IOException, InterruptedException, XHttpException {
        Long since = cursors.get(account);
        Long newest = null;
        String token = null;
        do {
            XApiClient.Page page = x.mentions(account, since, token);
            if (newest == null && page.newestId() >= 0) {
                newest = page.newestId();
            }
            token = page.nextToken();
            boolean moves = token == null && newest != null && !Objects.equals(newest, since);
            if (!page.posts().isEmpty() || moves) {
                Instant now = Instant.now();
                List<RawItem> items = new ArrayList<>(page.posts().size());
                page.posts().forEach(p -> items.add(new RawItem(Network.X, p.key(), XFilteredStreamIntake.KIND,
                        account, now, p.json())));
                String cursor = null;
                if (moves) {
                    Map<String, Long> next = new LinkedHashMap<>(cursors);
                    next.put(account, newest);
                    cursor = encode(next);
                }
                sink.write(NAME, items, cursor);
                if (moves) {
                    cursors.put(account, newest);
                }
            }
        } while (token != null);
    }

    /** {@code id=sinceId,id=sinceId}. */
    static String encode(Map<String, Long> cursors) {
        StringBuilder s = new StringBuilder();
        cursors.forEach((k, v) -> s.append(s.length() == 0 ? "" : ",").append(k).append('=').append(v));
        return s.toString();
    }

    static Map<String, Long> decode(String cursor) {
        Map<String, Long> cursors = new LinkedHashMap<>();
        if (cursor == null || cursor.isBlank()) {
            return cursors;
        }
        for (String entry : cursor.split(",")) {
            int eq = entry.indexOf('=');
            if (eq > 0) {
                cursors.put(entry.substring(0, eq), Long.parseLong(entry.substring(eq + 1)));
            }
        }
        return cursors;
    }
}
