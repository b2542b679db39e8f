package org.clearpost.sandbox.facebook;

import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.clearpost.sandbox.domain.FixedWindowRateLimiter.Decision;

/**
 * The usage headers Graph puts on its answers, as percentages of the allowance used: {@code X-App-Usage}
 * ({@code {"call_count":n,"total_time":n,"total_cputime":n}}, the app as a whole) and
 * {@code X-Business-Use-Case-Usage} ({@code {"<business-object-id>":[{"type":"pages","call_count":n,
 * "total_time":n,"total_cputime":n,"estimated_time_to_regain_access":minutes}]}}, per Page). The sandbox plays one
 * app with one hourly allowance, so both carry the same figure; once it reaches 100 the estimate says how many minutes
 * are left of the hour.
 */
public final class GraphUsageHeaders {

    private GraphUsageHeaders() {
    }

    public static Response.ResponseBuilder add(Response.ResponseBuilder builder, Decision usage, String businessId) {
        int percent = (int) Math.min(100, usage.used() * 100L / usage.limit());
        long minutesLeft = percent < 100 ? 0
                : Math.max(1, (usage.resetEpochSeconds() - Instant.now().getEpochSecond() + 59) / 60);
        String counts = "\"call_count\":" + percent + ",\"total_time\":" + percent + ",\"total_cputime\":" + percent;
        builder.header("X-App-Usage", "{" + counts + "}");
        if (businessId != null && !businessId.isBlank()) {
            // The business object is the Page; a comment's object id starts with its Page's or post's id.
            String id = businessId.contains("_") ? businessId.substring(0, businessId.indexOf('_')) : businessId;
            builder.header("X-Business-Use-Case-Usage", "{\"" + id.replace("\"", "") + "\":[{\"type\":\"pages\","
                    + counts + ",\"estimated_time_to_regain_access\":" + minutesLeft + "}]}");
        }
        return builder;
    }
}
