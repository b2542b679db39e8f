package org.clearpost.monitoring.youtube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.clearpost.events.Network;
import org.clearpost.monitoring.intake.IntakeSink;
import org.clearpost.monitoring.intake.NetworkIntake;
import org.clearpost.monitoring.intake.RawItem;
import org.jboss.logging.Logger;

/**
 * Comments on the body's YouTube videos. YouTube pushes nothing for comments and has no "since" parameter, so it polls
 * {@code commentThreads.list?allThreadsRelatedToChannelId=<channel>&order=time} newest first, page after page, until
 * it reaches a thread older than its cursor (the newest {@code publishedAt} written, with the ids written at that very
 * second: see {@link CommentCursor}); it then writes what it found oldest first, in batches, each with the cursor
 * after it, so a crash mid-way resumes without a gap. The first poll (no cursor) reads back
 * {@code initial-lookback}.
 *
 * <p>Quota: each page costs one unit of the project's daily quota, which resets at midnight Pacific time. Polls are
 * spaced so one a poll fits the intake's share of the quota; pages are counted per Pacific day, and when the share is
 * spent, or YouTube answers {@code quotaExceeded}, it waits for the next Pacific midnight. Edits keep the thread id
 * (only {@code updatedAt} changes) and are not re-read: the first version stored stands.
 */
@ApplicationScoped
public class YouTubeCommentsIntake implements NetworkIntake {

    public static final String NAME = "youtube-comments";
    public static final String KIND = "comment-thread";
    private static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");
    private static final Logger LOG = Logger.getLogger(YouTubeCommentsIntake.class);

    /** 403 quotaExceeded (or the intake's own share spent): wait for the quota's reset. */
    static final class QuotaExceeded extends IOException {
        QuotaExceeded(String message) {
            super(message);
        }
    }

    private record Thread(String id, Instant publishedAt, JsonNode node) {
    }

    private record Page(List<JsonNode> items, String nextPageToken) {
    }

    private final YouTubeConfig config;
    private final ObjectMapper mapper;
    private HttpClient http;
    private LocalDate quotaDay;
    private long unitsToday;
    private volatile long polls;

    YouTubeCommentsIntake(YouTubeConfig config, ObjectMapper mapper) {
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

    /** Polls completed since start. */
    public long polls() {
        return polls;
    }

    @Override
    public void run(IntakeSink sink) throws Exception {
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(config.requestTimeout()).build();
        CommentCursor cursor = sink.cursor(NAME).map(CommentCursor::parse).orElse(null);
        Duration retry = config.retryMin();
        LOG.infof("YouTube comments: polling channel %s every %s", config.channelId().orElseThrow(),
                config.pollInterval());
        while (true) {
            if (java.lang.Thread.currentThread().isInterrupted()) {
                throw new InterruptedException();
            }
            try {
                cursor = poll(sink, cursor);
                polls++;
                retry = config.retryMin();
                java.lang.Thread.sleep(config.pollInterval().toMillis());
            } catch (QuotaExceeded e) {
                Duration wait = untilPacificMidnight(Instant.now());
                LOG.warnf("YouTube quota spent (%s); next poll in %s, after the quota's reset", e.getMessage(), wait);
                java.lang.Thread.sleep(wait.toMillis());
            } catch (IOException e) {
                LOG.warnf("YouTube poll failed (%s); trying again in %s", e.getMessage(), retry);
                java.lang.Thread.sleep(retry.toMillis());
                retry = retry.multipliedBy(2).compareTo(config.retryMax()) > 0 ? config.retryMax() : retry.multipliedBy(2);
            }
        }
    }

    /** One poll: back to the cursor, newest first; then written oldest first. Returns the cursor after it. */
    CommentCursor poll(IntakeSink sink, CommentCursor cursor) throws IOException, InterruptedException {
        Instant stopBefore = cursor != null ? cursor.publishedAt() : Instant.now().minus(config.initialLookback());
        List<Thread> fresh = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        String pageToken = null;
        boolean reached = false;
        do {
            Page page = page(pageToken);
            for (JsonNode node : page.items()) {
                Thread t = thread(node);
                if (t.publishedAt().isBefore(stopBefore)) {
                    reached = true;
                    break;
                }
                // a thread can move to an earlier page while we page (newer ones push it down): keep it once
                if ((cursor == null || !cursor.seen(t.publishedAt(), t.id())) && ids.add(t.id())) {
                    fresh.add(t);
                }
            }
            pageToken = page.nextPageToken();
        } while (!reached && pageToken != null);
        Instant now = Instant.now();
        CommentCursor next = cursor;
        List<RawItem> batch = new ArrayList<>();
        for (int i = fresh.size() - 1; i >= 0; i--) {
            Thread t = fresh.get(i);
            batch.add(new RawItem(Network.YOUTUBE, t.id(), KIND, config.channelId().orElseThrow(), now, t.node().toString()));
            next = next == null ? new CommentCursor(t.publishedAt(), Set.of(t.id())) : next.after(t.publishedAt(), t.id());
            if (batch.size() >= config.batchSize() || i == 0) {
                sink.write(NAME, List.copyOf(batch), next.format());
                batch.clear();
            }
        }
        return next;
    }

    private Page page(String pageToken) throws IOException, InterruptedException {
        spendUnit();
        String url = base() + "/youtube/v3/commentThreads?part=snippet&order=time&maxResults="
                + Math.max(1, Math.min(100, config.maxResults())) + "&allThreadsRelatedToChannelId="
                + enc(config.channelId().orElseThrow()) + "&key=" + enc(config.apiKey().orElseThrow())
                + (pageToken == null ? "" : "&pageToken=" + enc(pageToken));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .timeout(config.requestTimeout()).header("Accept", "application/json").GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() != 200) {
            String reason = errorReason(response.body());
            if (response.statusCode() == 403 && ("quotaExceeded".equals(reason) || "dailyLimitExceeded".equals(reason))) {
                throw new QuotaExceeded(reason);
            }
            // never the URL: it carries the API key
            throw new IOException("commentThreads.list answered " + response.statusCode() + " " + reason);
        }
        JsonNode body = mapper.readTree(response.body());
        if (body == null || !body.path("items").isArray()) {
            throw new IOException("commentThreads.list answered without items");
        }
        List<JsonNode> items = new ArrayList<>();
        body.path("items").forEach(items::add);
        String next = body.path("nextPageToken").asText(null);
        return new Page(items, next == null || next.isBlank() ? null : next);
    }

    private Thread thread(JsonNode node) throws IOException {
        String id = node.path("id").asText(null);
        String published = node.path("snippet").path("topLevelComment").path("snippet").path("publishedAt").asText(null);
        if (id == null || published == null) {
            throw new IOException("a comment thread without id or publishedAt");
        }
        try {
            return new Thread(id, java.time.OffsetDateTime.parse(published).toInstant(), node);
        } catch (DateTimeParseException e) {
            throw new IOException("a comment thread with publishedAt " + published, e);
        }
    }

    /** Counts a page against today's share; refuses once it is spent (the day is Pacific, as Google's quota). */
    private void spendUnit() throws QuotaExceeded {
        LocalDate today = LocalDate.now(PACIFIC);
        if (!today.equals(quotaDay)) {
            quotaDay = today;
            unitsToday = 0;
        }
        long allowed = Math.max(1, (long) Math.floor(config.dailyQuota() * config.quotaShare()));
        if (unitsToday >= allowed) {
            throw new QuotaExceeded("this intake's share of " + allowed + " units for " + today + " is spent");
        }
        unitsToday++;
    }

    static Duration untilPacificMidnight(Instant now) {
        Instant midnight = LocalDate.ofInstant(now, PACIFIC).plusDays(1).atStartOfDay(PACIFIC).toInstant();
        return Duration.between(now, midnight).plusSeconds(30);
    }

    private String errorReason(String body) {
        try {
            JsonNode error = mapper.readTree(body).path("error");
            String reason = error.path("errors").path(0).path("reason").asText(null);
            return reason != null ? reason : error.path("message").asText("");
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private String base() {
        String b = config.baseUrl().orElseThrow().toString();
        return b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
