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
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clearpost.events.Network;
import org.clearpost.events.PostMetricsSampled.UnavailableMetric;
import org.clearpost.publisher.config.NetworksConfig;
import org.clearpost.publisher.network.NetworkHttp;

/**
 * A Page post's engagement from the Graph API, with the Page token (in a header, not the query string):
 * {@code GET /{post-id}/insights?metric=...} for views, viewers and clicks, and
 * {@code GET /{post-id}?fields=reactions.limit(0).summary(true),comments.limit(0).summary(true),shares}.
 *
 * <p>Graph fails the whole insights request when one metric has been withdrawn ("(#100) The value must be a valid
 * insights metric", naming none). Then each metric is asked for alone: those refused are reported unavailable and
 * remembered as withdrawn (never asked for again), the others are read. So one withdrawal never fails the others.
 *
 * <p>Mapping: impressions = {@code post_media_view}, reach = {@code post_total_media_view_unique}, linkClicks =
 * {@code post_clicks_by_type["link clicks"]}, likes = reactions of every kind, replies = comments, reposts = shares
 * (Graph leaves {@code shares} out while there are none: 0). engagements = reactions + comments + shares + every click
 * {@code post_clicks_by_type} counts (link, photo, other): the interactions Graph reports for a post, as X's
 * {@code engagements} counts every interaction; given only when {@code post_clicks_by_type} was.
 */
@ApplicationScoped
public class FacebookMetricsReader implements MetricsReader {

    static final String INVALID_METRIC = "valid insights metric";
    static final String FIELDS = "reactions.limit(0).summary(true),comments.limit(0).summary(true),shares";
    private static final Set<Integer> TRY_LATER_CODES = Set.of(1, 2, 4, 17, 32, 613, 80001);
    private static final int INVALID_TOKEN = 190;
    private static final int NONEXISTENT_OBJECT = 33;
    private static final Map<String, String> NAMES = Map.of("post_media_view", "impressions",
            "post_total_media_view_unique", "reach");

    private final NetworkHttp http;
    private final URI base;
    private final Clock clock;
    private final List<String> insightsMetrics;

    public FacebookMetricsReader(NetworkHttp http, NetworksConfig networks, MetricsConfig config, Clock clock) {
        this.http = http;
        this.base = networks.facebook().baseUrl();
        this.clock = clock;
        this.insightsMetrics = List.copyOf(config.facebookInsightsMetrics());
    }

    @Override
    public Network network() {
        return Network.FACEBOOK;
    }

    /** A Graph error, as far as a read is concerned: a result to give back, or a withdrawn metric. */
    private record Refusal(SampleResult result, boolean invalidMetric, String message) {
    }

    @Override
    public SampleResult read(SampleRequest request) {
        try {
            Map<String, JsonNode> values = new LinkedHashMap<>();
            Map<String, String> withdrawnNow = new LinkedHashMap<>();
            List<UnavailableMetric> unavailable = new ArrayList<>();
            List<String> asked = insightsMetrics.stream().filter(m -> !request.withdrawn().containsKey(m)).toList();
            insightsMetrics.stream().filter(request.withdrawn()::containsKey).forEach(m -> unavailable.add(
                    new UnavailableMetric(m, withdrawnReason(request.withdrawn().get(m)))));
            if (!asked.isEmpty()) {
                HttpResponse<String> response = insights(request, asked);
                Refusal refusal = refusal(response, request);
                if (refusal != null && refusal.invalidMetric()) {
                    for (String metric : asked) {
                        HttpResponse<String> alone = insights(request, List.of(metric));
                        Refusal aloneRefused = refusal(alone, request);
                        if (aloneRefused == null) {
                            readInsights(alone, values);
                        } else if (aloneRefused.invalidMetric()) {
                            withdrawnNow.put(metric, aloneRefused.message());
                            unavailable.add(new UnavailableMetric(metric, withdrawnReason(aloneRefused.message())));
                        } else {
                            return aloneRefused.result();
                        }
                    }
                } else if (refusal != null) {
                    return refusal.result();
                } else {
                    readInsights(response, values);
                }
            }
            HttpResponse<String> fields = Reads.get(http, "Facebook", authorized(request, "/"
                    + encode(request.externalId()) + "?fields=" + encode(FIELDS)));
            Refusal fieldsRefused = refusal(fields, request);
            if (fieldsRefused != null) {
                return fieldsRefused.result();
            }
            return new SampleResult.Sampled(metrics(values, http.json(fields.body()), unavailable), unavailable,
                    withdrawnNow);
        } catch (Reads.NoAnswer e) {
            return e.retry;
        }
    }

    private Map<String, Long> metrics(Map<String, JsonNode> insights, JsonNode fields,
            List<UnavailableMetric> unavailable) {
        Map<String, Long> metrics = new LinkedHashMap<>();
        NAMES.forEach((graph, ours) -> {
            if (insights.containsKey(graph) && insights.get(graph).canConvertToLong()) {
                metrics.put(ours, insights.get(graph).asLong());
            }
        });
        long reactions = fields.path("reactions").path("summary").path("total_count").asLong(0);
        long comments = fields.path("comments").path("summary").path("total_count").asLong(0);
        long shares = fields.path("shares").path("count").asLong(0);
        metrics.put("likes", reactions);
        metrics.put("replies", comments);
        metrics.put("reposts", shares);
        JsonNode byType = insights.get("post_clicks_by_type");
        if (byType != null && byType.isObject()) {
            metrics.put("linkClicks", byType.path("link clicks").asLong(0));
            long clicks = 0;
            for (Iterator<JsonNode> it = byType.elements(); it.hasNext();) {
                clicks += it.next().asLong(0);
            }
            metrics.put("engagements", reactions + comments + shares + clicks);
        } else if (insightsMetrics.contains("post_clicks_by_type")) {
            unavailable.add(new UnavailableMetric("engagements",
                    "counts the clicks of post_clicks_by_type, which Facebook did not give"));
        }
        return metrics;
    }

    private HttpResponse<String> insights(SampleRequest request, List<String> metrics) throws Reads.NoAnswer {
        return Reads.get(http, "Facebook", authorized(request, "/" + encode(request.externalId())
                + "/insights?metric=" + encode(String.join(",", metrics))));
    }

    /** Lifetime values by metric name: a number, or an object for the by-type metrics. */
    private void readInsights(HttpResponse<String> response, Map<String, JsonNode> values) {
        for (JsonNode metric : http.json(response.body()).path("data")) {
            JsonNode latest = metric.path("values");
            values.put(metric.path("name").asText(), latest.path(latest.size() - 1).path("value"));
        }
    }

    /** Null for a 2xx answer. */
    private Refusal refusal(HttpResponse<String> response, SampleRequest request) {
        int status = response.statusCode();
        if (status / 100 == 2) {
            return null;
        }
        JsonNode error = http.json(response.body()).path("error");
        String message = NetworkHttp.message(error.path("message").asText(null), response.body());
        int code = error.path("code").asInt(0);
        if (status >= 500 || status == 429 || error.path("is_transient").asBoolean(false)
                || TRY_LATER_CODES.contains(code)) {
            return new Refusal(new SampleResult.Retry("Facebook answered " + status + ": " + message,
                    RetryAfter.of(response.headers(), clock.instant())), false, message);
        }
        if (code == INVALID_TOKEN || status == 401) {
            return new Refusal(new SampleResult.GiveUp("Facebook did not accept the access token of page "
                    + request.account() + " (" + message + "): an admin must connect it again", false), false, message);
        }
        if (code == 100 && error.path("error_subcode").asInt(0) == NONEXISTENT_OBJECT) {
            return new Refusal(new SampleResult.GiveUp("the post is gone from Facebook: " + message, true), false,
                    message);
        }
        if (code == 100 && message.contains(INVALID_METRIC)) {
            return new Refusal(null, true, message);
        }
        return new Refusal(new SampleResult.GiveUp("Facebook refused the metrics read (" + status + "): " + message,
                false), false, message);
    }

    static String withdrawnReason(String message) {
        return "withdrawn by Facebook: " + message;
    }

    private HttpRequest.Builder authorized(SampleRequest request, String pathAndQuery) {
        return HttpRequest.newBuilder(NetworkHttp.endpoint(base, pathAndQuery))
                .header("Authorization", "Bearer " + request.token().value());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
