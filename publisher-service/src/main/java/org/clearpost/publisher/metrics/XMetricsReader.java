package org.clearpost.publisher.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clearpost.events.Network;
import org.clearpost.events.PostMetricsSampled.UnavailableMetric;
import org.clearpost.publisher.config.NetworksConfig;
import org.clearpost.publisher.network.NetworkHttp;

/**
 * X API v2 {@code GET /2/tweets?ids=...&tweet.fields=...} with the account's user token. {@code public_metrics}
 * always; {@code non_public_metrics} and {@code organic_metrics} (link and profile clicks, engagements) only for
 * posts under 30 days old, which X enforces: older, they are listed unavailable and not asked for. If X refuses the
 * non-public fields anyway ("Field Authorization Error"), the post is read again with public metrics only.
 */
@ApplicationScoped
public class XMetricsReader implements MetricsReader {

    static final String OVER_30_DAYS = "X gives non-public metrics only for posts under 30 days old";
    static final String PUBLIC = "public_metrics";
    static final String ALL = "public_metrics,non_public_metrics,organic_metrics";
    /** X's name of each non-public metric read, and Clearpost's. */
    private static final Map<String, String> NON_PUBLIC = Map.of("url_link_clicks", "linkClicks",
            "user_profile_clicks", "profileClicks", "engagements", "engagements");
    private static final Map<String, String> PUBLIC_NAMES = Map.of("retweet_count", "reposts", "reply_count",
            "replies", "like_count", "likes", "quote_count", "quotes", "bookmark_count", "bookmarks",
            "impression_count", "impressions");

    private final NetworkHttp http;
    private final URI base;
    private final Clock clock;

    public XMetricsReader(NetworkHttp http, NetworksConfig config, Clock clock) {
        this.http = http;
        this.base = config.x().baseUrl();
        this.clock = clock;
    }

    @Override
    public Network network() {
        return Network.X;
    }

    @Override
    public SampleResult read(SampleRequest request) {
        try {
            if (request.publicOnly()) {
                return lookup(request, PUBLIC, OVER_30_DAYS);
            }
            return lookup(request, ALL, null);
        } catch (Reads.NoAnswer e) {
            return e.retry;
        }
    }

    /** @param nonPublicMissing why the non-public metrics are not asked for, or null when they are */
    private SampleResult lookup(SampleRequest request, String fields, String nonPublicMissing)
            throws Reads.NoAnswer {
        HttpRequest.Builder call = HttpRequest.newBuilder(NetworkHttp.endpoint(base, "/2/tweets?ids="
                        + encode(request.externalId()) + "&tweet.fields=" + encode(fields)))
                .header("Authorization", "Bearer " + request.token().value());
        HttpResponse<String> response = Reads.get(http, "X", call);
        int status = response.statusCode();
        JsonNode body = http.json(response.body());
        String message = NetworkHttp.message(first(body.path("errors").path(0).path("message").asText(null),
                body.path("detail").asText(null), body.path("title").asText(null)), response.body());
        if (status == 429) {
            return new SampleResult.Retry("X allows no more reads by " + request.account() + " for now: " + message,
                    RetryAfter.of(response.headers(), clock.instant()));
        }
        if (status >= 500) {
            return new SampleResult.Retry("X answered " + status + ": " + message,
                    RetryAfter.of(response.headers(), clock.instant()));
        }
        if (status == 401) {
            return new SampleResult.GiveUp("X did not accept the access token of account " + request.account()
                    + ": an admin must connect it again", false);
        }
        if (status / 100 != 2) {
            return new SampleResult.GiveUp("X refused the metrics read (" + status + "): " + message, false);
        }
        JsonNode tweet = find(body.path("data"), "id", request.externalId());
        if (tweet == null) {
            JsonNode error = find(body.path("errors"), "resource_id", request.externalId());
            String detail = error == null ? NetworkHttp.message(null, response.body())
                    : error.path("detail").asText(error.path("title").asText("no detail"));
            if (error != null && error.path("type").asText("").endsWith("/resource-not-found")) {
                return new SampleResult.GiveUp("the post is gone from X: " + detail, true);
            }
            if (error != null && error.path("type").asText("").endsWith("/not-authorized-for-field")
                    && nonPublicMissing == null) {
                // The token may not see the non-public fields (not the author's, or X counts the post as too old).
                return lookup(request, PUBLIC, "X refused them: " + detail);
            }
            return new SampleResult.GiveUp("X did not answer for the post: " + detail, false);
        }
        Map<String, Long> metrics = new LinkedHashMap<>();
        List<UnavailableMetric> unavailable = new ArrayList<>();
        JsonNode publicMetrics = tweet.path("public_metrics");
        PUBLIC_NAMES.forEach((x, ours) -> {
            if (publicMetrics.path(x).canConvertToLong()) {
                metrics.put(ours, publicMetrics.path(x).asLong());
            } else {
                unavailable.add(new UnavailableMetric(x, "X did not give it"));
            }
        });
        JsonNode nonPublic = tweet.path("non_public_metrics");
        JsonNode organic = tweet.path("organic_metrics");
        NON_PUBLIC.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            String x = entry.getKey();
            JsonNode value = nonPublic.path(x).canConvertToLong() ? nonPublic.path(x) : organic.path(x);
            if (nonPublicMissing == null && value.canConvertToLong()) {
                metrics.put(entry.getValue(), value.asLong());
            } else {
                unavailable.add(new UnavailableMetric(x, nonPublicMissing != null ? nonPublicMissing
                        : "X did not give it"));
            }
        });
        return new SampleResult.Sampled(metrics, unavailable, Map.of());
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode item : array) {
            if (value.equals(item.path(field).asText(null))) {
                return item;
            }
        }
        return null;
    }

    private static String first(String... candidates) {
        for (String c : candidates) {
            if (c != null && !c.isBlank()) {
                return c;
            }
        }
        return null;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
