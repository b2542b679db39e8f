package org.clearpost.monitoring.facebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.clearpost.monitoring.intake.IntakeSink;
import org.clearpost.monitoring.intake.NetworkIntake;
import org.clearpost.monitoring.intake.RawItem;
import org.jboss.logging.Logger;

/**
 * Reads back what Meta may have dropped. Page webhooks have no replay: a delivery that fails for 36 hours is gone. So
 * when the Page has been silent for longer than {@link FacebookConfig#gapThreshold()} (or a silence that long was
 * seen when deliveries came back, {@code facebook_gap}), this reads the Page's posts published in and before the gap
 * ({@code GET /{page-id}/published_posts}) and their comments since the gap began
 * ({@code GET /{post-id}/comments?filter=stream&order=chronological&since=}, following {@code paging.next}), and
 * writes each comment as a raw item through the same normaliser as the webhook's. Comments that did arrive by webhook
 * are read again and deduplicated by the pipeline (same comment id, same key). Its cursor is the time it has read
 * back to; it also moves {@code facebook_coverage} so the gap is not read twice.
 */
@ApplicationScoped
public class FacebookGapReconciler implements NetworkIntake {

    static final String NAME = "facebook-gap-reconciler";
    private static final Logger LOG = Logger.getLogger(FacebookGapReconciler.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final FacebookConfig config;
    private final FacebookCoverage coverage;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    FacebookGapReconciler(FacebookConfig config, FacebookCoverage coverage, Clock clock) {
        this.config = config;
        this.coverage = coverage;
        this.clock = clock;
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
        // The cursor is read once per run: this run is its only writer (the supervisor's lease).
        Optional<Instant> cursor = sink.cursor(NAME).map(Instant::parse);
        while (!Thread.currentThread().isInterrupted()) {
            cursor = reconcile(sink, cursor);
            Thread.sleep(config.checkInterval().toMillis());
        }
    }

    /**
     * One look: read back every recorded gap, and the silence up to now if it is longer than the threshold.
     *
     * @return the cursor after it: the time everything has been read back to
     */
    Optional<Instant> reconcile(IntakeSink sink, Optional<Instant> cursor) throws IOException, InterruptedException {
        Instant now = clock.instant();
        List<FacebookCoverage.Gap> gaps = coverage.gaps();
        if (!gaps.isEmpty()) {
            // One read from the earliest gap covers them all: it takes every comment since then, as of now.
            Instant earliest = gaps.get(0).from();
            LOG.infof("Reading back Facebook comments of %d delivery gap(s) since %s", gaps.size(), earliest);
            readBack(sink, earliest, now);
            coverage.covered(now);
            gaps.forEach(coverage::closed);
            cursor = Optional.of(now);
        }
        Instant covered = coverage.coveredUntil(now);
        Instant from = cursor.filter(c -> c.isAfter(covered)).orElse(covered);
        if (Duration.between(from, now).compareTo(config.gapThreshold()) > 0) {
            LOG.infof("No Facebook delivery since %s: reading back the Page's comments", from);
            readBack(sink, from, now);
            coverage.covered(now);
            cursor = Optional.of(now);
        }
        return cursor;
    }

    /** Every comment created since {@code from} (less the overlap) on the Page's recent posts; cursor = {@code until}. */
    private void readBack(IntakeSink sink, Instant from, Instant until) throws IOException, InterruptedException {
        String page = config.pageId().orElseThrow();
        long since = from.minus(config.overlap()).getEpochSecond();
        long postsSince = from.minus(config.overlap()).minus(config.postLookback()).getEpochSecond();
        List<String> posts = new ArrayList<>();
        URI next = uri("/" + page + "/published_posts?fields=id,created_time&since=" + postsSince);
        while (next != null) {
            JsonNode answer = get(next);
            answer.path("data").forEach(post -> posts.add(post.path("id").asText()));
            next = nextPage(answer);
        }
        int read = 0;
        for (String post : posts) {
            next = uri("/" + post + "/comments?filter=stream&order=chronological&since=" + since
                    + "&fields=id,message,from,created_time,parent");
            while (next != null) {
                Optional<JsonNode> answerOrGone = getUnlessGone(next);
                if (answerOrGone.isEmpty()) {
                    LOG.infof("Facebook post %s is gone (deleted since it was listed): no comments to read", post);
                    break;
                }
                JsonNode answer = answerOrGone.get();
                Instant readAt = clock.instant();
                List<RawItem> items = new ArrayList<>();
                answer.path("data").forEach(comment -> items.add(
                        FacebookItems.graphComment(page, post, comment, readAt)));
                if (!items.isEmpty()) {
                    sink.write(NAME, items, null);
                    read += items.size();
                }
                next = nextPage(answer);
            }
        }
        sink.write(NAME, List.of(), until.toString());
        LOG.infof("Read back %d Facebook comments on %d posts since %s", read, posts.size(), Instant.ofEpochSecond(since));
    }

    private URI uri(String pathAndQuery) {
        String base = config.graphUrl().orElseThrow().toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + pathAndQuery
                + "&limit=" + config.pageSize());
    }

    /** Graph's {@code paging.next}: the full URL of the next page, absent on the last. */
    private static URI nextPage(JsonNode answer) {
        JsonNode next = answer.path("paging").path("next");
        return next.isTextual() && !next.asText().isBlank() ? URI.create(next.asText()) : null;
    }

    private JsonNode get(URI uri) throws IOException, InterruptedException {
        return getUnlessGone(uri).orElseThrow(() -> new IOException("Graph has no object at " + uri.getPath()));
    }

    /**
     * The answer, or empty when Graph says the object does not exist (code 100, subcode 33: e.g. a post deleted
     * between listing and reading it). Any other error is thrown: the supervisor runs the reconciler again later.
     */
    private Optional<JsonNode> getUnlessGone(URI uri) throws IOException, InterruptedException {
        // The token goes in a header, not the URL, so it never lands in an access log; Graph's next links carry none.
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                .header("Authorization", "OAuth " + config.pageAccessToken().orElseThrow()).GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 400 && gone(response.body())) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw new IOException("Graph answered " + response.statusCode() + " to GET " + uri.getPath() + ": "
                    + abbreviate(response.body()));
        }
        return Optional.of(JSON.readTree(response.body()));
    }

    private static boolean gone(String body) {
        try {
            JsonNode error = JSON.readTree(body).path("error");
            return error.path("code").asInt() == 100 && error.path("error_subcode").asInt() == 33;
        } catch (IOException notJson) {
            return false;
        }
    }

    private static String abbreviate(String body) {
        return body == null || body.length() <= 500 ? body : body.substring(0, 500) + "...";
    }
}
