package org.clearpost.publisher.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Meta's usage headers on Graph answers, in percent of the allowance used: {@code X-App-Usage}
 * ({@code {"call_count":n,"total_time":n,"total_cputime":n}}, the app over a rolling hour) and
 * {@code X-Business-Use-Case-Usage} ({@code {"<page-id>":[{"type":"pages","call_count":n,"total_cputime":n,
 * "total_time":n,"estimated_time_to_regain_access":minutes}]}}). Graph throttles once any figure reaches 100; it
 * sends no Retry-After, so the account waits for the estimate Meta gives, or for the rolling hour when it gives none.
 * (Written for the X and Facebook work; a shared parser of Meta's headers may replace it.)
 */
public final class GraphUsage {

    static final String APP_USAGE = "X-App-Usage";
    static final String BUSINESS_USE_CASE_USAGE = "X-Business-Use-Case-Usage";
    /** Meta computes usage over a rolling hour: with no estimate, that is how long a throttled account waits. */
    static final Duration WINDOW = Duration.ofHours(1);
    private static final ObjectMapper JSON = new ObjectMapper();

    private GraphUsage() {
    }

    /** Until when the account must not call Graph again; empty while every figure is under 100 or none was sent. */
    public static Optional<Instant> pausedUntil(HttpHeaders headers, Instant now) {
        Instant until = null;
        JsonNode app = read(headers.firstValue(APP_USAGE));
        if (exhausted(app)) {
            until = now.plus(WINDOW);
        }
        JsonNode business = read(headers.firstValue(BUSINESS_USE_CASE_USAGE));
        for (JsonNode entries : business) {
            for (JsonNode entry : entries) {
                long minutes = entry.path("estimated_time_to_regain_access").asLong(0);
                Instant candidate = minutes > 0 ? now.plus(Duration.ofMinutes(minutes))
                        : exhausted(entry) ? now.plus(WINDOW) : null;
                if (candidate != null && (until == null || candidate.isAfter(until))) {
                    until = candidate;
                }
            }
        }
        return Optional.ofNullable(until);
    }

    private static boolean exhausted(JsonNode usage) {
        return usage.path("call_count").asInt(0) >= 100 || usage.path("total_time").asInt(0) >= 100
                || usage.path("total_cputime").asInt(0) >= 100;
    }

    private static JsonNode read(Optional<String> header) {
        if (header.isEmpty() || header.get().isBlank()) {
            return JSON.createObjectNode();
        }
        try {
            JsonNode node = JSON.readTree(header.get());
            return node != null && node.isObject() ? node : JSON.createObjectNode();
        } catch (IOException e) {
            // An unreadable header says nothing about limits: nothing is deferred for it.
            return JSON.createObjectNode();
        }
    }
}
