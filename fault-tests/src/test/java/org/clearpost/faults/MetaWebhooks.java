package org.clearpost.faults;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.clearpost.local.Component;

/**
 * Plays Meta delivering Page webhooks to monitoring: a visitor's post on the Page, signed with the app secret the
 * launcher generated ({@code X-Hub-Signature-256}), and, when a delivery gets no 2xx, the very same bytes sent again
 * with backing off, as Meta retries, until accepted or the deadline. (The sandbox's {@code POST /sandbox/mentions}
 * sends once and mints a new id each time, so it cannot play the retries.)
 */
final class MetaWebhooks {

    static final String PATH = "/webhooks/facebook";
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(250);
    private static final Duration LONGEST_BACKOFF = Duration.ofSeconds(3);

    /** One mention and how its delivery went. */
    static final class Delivery {
        final String marker;
        final byte[] body;
        final String signature;
        volatile int attempts;
        volatile int failedAttempts;
        volatile boolean accepted;
        volatile String lastFailure;

        Delivery(String marker, byte[] body, String signature) {
            this.marker = marker;
            this.body = body;
            this.signature = signature;
        }
    }

    private final Api api;
    private final String appSecret;
    final AtomicInteger acceptedCount = new AtomicInteger();

    MetaWebhooks(Api api, String appSecret) {
        this.api = api;
        this.appSecret = appSecret;
    }

    /** A visitor's text post on the Page, shaped as Meta sends it; {@code postNumber} makes its id unique. */
    Delivery visitorPost(String pageId, String postNumber, String message, String marker) {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("from", Map.of("id", "5550" + postNumber, "name", "A Citizen"));
        value.put("message", message);
        value.put("post_id", pageId + "_" + postNumber);
        value.put("created_time", now);
        value.put("item", "status");
        value.put("published", 1);
        value.put("verb", "add");
        Map<String, Object> change = Map.of("field", "feed", "value", value);
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", pageId);
        entry.put("time", now);
        entry.put("changes", List.of(change));
        byte[] body = Api.json(Map.of("object", "page", "entry", List.of(entry))).getBytes(StandardCharsets.UTF_8);
        return new Delivery(marker, body, sign(body));
    }

    /** Sends until a 2xx or {@code deadline}; returns whether it was accepted. */
    boolean deliver(Delivery delivery, Instant deadline) {
        Duration backoff = FIRST_BACKOFF;
        while (Instant.now().isBefore(deadline)) {
            delivery.attempts++;
            Api.Reply reply = api.postBytes(Component.MONITORING, PATH, delivery.body, Map.of(
                    "Content-Type", "application/json", "X-Hub-Signature-256", delivery.signature));
            if (reply.ok()) {
                delivery.accepted = true;
                acceptedCount.incrementAndGet();
                return true;
            }
            delivery.failedAttempts++;
            delivery.lastFailure = reply.toString();
            Desk.pause(backoff);
            backoff = backoff.multipliedBy(2).compareTo(LONGEST_BACKOFF) > 0 ? LONGEST_BACKOFF : backoff.multipliedBy(2);
        }
        return false;
    }

    /**
     * Every accepted mention is stored exactly once (monitoring's database) and announced exactly once (one
     * MentionReceived event id on the topic); waits at most {@code patience} for them.
     */
    static void check(Scenario scenario, FaultPlatform platform, List<Delivery> deliveries, String markerPrefix,
            Duration patience) {
        Map<String, Long> stored = Map.of();
        Map<String, java.util.Set<String>> announced = Map.of();
        long records = 0;
        Instant deadline = Instant.now().plus(patience);
        while (true) {
            stored = platform.query(Component.MONITORING, "SELECT text FROM mention WHERE text LIKE ?",
                    "%" + markerPrefix + "%").stream()
                    .collect(java.util.stream.Collectors.groupingBy(row -> markerIn((String) row.get("text"),
                            markerPrefix), java.util.stream.Collectors.counting()));
            var events = platform.events.readAll(org.clearpost.events.Topics.MONITORING_MENTIONS).stream()
                    .filter(r -> r.value() != null && r.value().contains(markerPrefix)).toList();
            records = events.size();
            announced = events.stream().collect(java.util.stream.Collectors.groupingBy(
                    r -> markerIn(r.value(), markerPrefix), java.util.stream.Collectors.mapping(
                            r -> String.valueOf(EventLog.header(r, org.clearpost.events.CloudEventHeaders.ID)),
                            java.util.stream.Collectors.toSet())));
            // A 2xx means the delivery is durable on the raw topic; the pipeline stores and announces it after, so
            // wait for every accepted mention to be stored as well as announced.
            java.util.Set<String> accepted = deliveries.stream().filter(d -> d.accepted).map(d -> d.marker)
                    .collect(java.util.stream.Collectors.toSet());
            if ((stored.keySet().containsAll(accepted) && announced.keySet().containsAll(stored.keySet()))
                    || Instant.now().isAfter(deadline)) {
                break;
            }
            Desk.pause(Duration.ofSeconds(2));
        }
        int storedOnce = 0;
        int announcedOnce = 0;
        for (Delivery delivery : deliveries) {
            long rows = stored.getOrDefault(delivery.marker, 0L);
            int ids = announced.getOrDefault(delivery.marker, java.util.Set.of()).size();
            if (!delivery.accepted) {
                scenario.violation("delivery never accepted, however often retried", delivery.marker + " "
                        + delivery.lastFailure);
            } else if (rows == 0) {
                scenario.violation("accepted (2xx) but not stored (lost)", delivery.marker);
            }
            if (rows > 1) {
                scenario.violation("stored more than once (duplicate)", delivery.marker + " x" + rows);
            } else if (rows == 1) {
                storedOnce++;
            }
            if (rows >= 1 && ids == 0) {
                scenario.violation("stored but never announced (MentionReceived lost)", delivery.marker);
            } else if (ids > 1) {
                scenario.violation("announced under more than one event id (duplicate)", delivery.marker + " x" + ids);
            } else if (ids == 1) {
                announcedOnce++;
            }
        }
        scenario.figure("mentions stored exactly once", storedOnce + " of " + deliveries.size());
        scenario.figure("MentionReceived: announced exactly once", announcedOnce + " (" + records
                + " records; more records than ids = the same event re-sent, which consumers' inboxes drop)");
    }

    /** "... Ref F123456S2N007 ..." → "F123456S2N007" for the prefix "F123456S2N". */
    static String markerIn(String text, String markerPrefix) {
        int at = text.indexOf(markerPrefix);
        int end = at + markerPrefix.length();
        while (end < text.length() && Character.isDigit(text.charAt(end))) {
            end++;
        }
        return text.substring(at, end);
    }

    private String sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }
}
