package org.clearpost.publisher.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Meta's (Facebook, Threads) usage headers. Graph API answers with percentages of the allowed usage rather than
 * counts:
 * <ul>
 * <li>{@code X-Business-Use-Case-Usage}: per business id, a list of {@code {type, call_count, total_cputime,
 * total_time, estimated_time_to_regain_access}}, the last in minutes. At 100 on any percentage the business use case
 * is throttled until access is regained.</li>
 * <li>{@code X-App-Usage}: {@code {call_count, total_cputime, total_time}} for the whole app over a rolling hour; at
 * 100 the app is throttled and Meta gives no time, so it waits for the hour to roll.</li>
 * </ul>
 * The publisher stops short of 100 ({@link #THRESHOLD}): a call made at 99% may be the one that gets the app
 * throttled for everyone.
 */
public final class MetaUsage {

    static final String BUSINESS_USE_CASE = "X-Business-Use-Case-Usage";
    static final String APP = "X-App-Usage";
    /** From this percentage on, the publisher waits rather than pushes the usage over 100. */
    static final int THRESHOLD = 95;
    /** X-App-Usage is measured over a rolling hour and says nothing of when it eases. */
    static final Duration APP_WINDOW = Duration.ofHours(1);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] PERCENTAGES = {"call_count", "total_cputime", "total_time"};

    private MetaUsage() {
    }

    /** When calls may go again, if either header says the usage is spent; empty otherwise or when unreadable. */
    public static Optional<Instant> pausedUntil(HttpHeaders headers, Instant now) {
        Optional<Instant> business = headers.firstValue(BUSINESS_USE_CASE).flatMap(v -> business(v, now));
        Optional<Instant> app = headers.firstValue(APP).flatMap(v -> app(v, now));
        if (business.isPresent() && app.isPresent()) {
            return Optional.of(business.get().isAfter(app.get()) ? business.get() : app.get());
        }
        return business.or(() -> app);
    }

    static Optional<Instant> business(String header, Instant now) {
        Optional<JsonNode> root = parse(header);
        if (root.isEmpty() || !root.get().isObject()) {
            return Optional.empty();
        }
        Instant latest = null;
        for (JsonNode useCases : root.get()) {
            for (JsonNode useCase : useCases) {
                long regainMinutes = useCase.path("estimated_time_to_regain_access").asLong(0);
                Instant until = null;
                if (regainMinutes > 0) {
                    until = now.plus(Duration.ofMinutes(regainMinutes));
                } else if (spent(useCase)) {
                    // Spent but no estimate: Meta's business use case windows are an hour at most.
                    until = now.plus(APP_WINDOW);
                }
                if (until != null && (latest == null || until.isAfter(latest))) {
                    latest = until;
                }
            }
        }
        return Optional.ofNullable(latest);
    }

    static Optional<Instant> app(String header, Instant now) {
        return parse(header).filter(MetaUsage::spent).map(usage -> now.plus(APP_WINDOW));
    }

    private static boolean spent(JsonNode usage) {
        for (String name : PERCENTAGES) {
            if (usage.path(name).asInt(0) >= THRESHOLD) {
                return true;
            }
        }
        return false;
    }

    private static Optional<JsonNode> parse(String header) {
        try {
            return Optional.ofNullable(JSON.readTree(header));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
