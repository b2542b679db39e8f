package org.clearpost.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Plays Meta delivering Page webhooks to monitoring, as fast as {@code connections} connections go or paced to a
 * rate: each delivery {@code batch} visitors' posts on the Page (about {@code bytes} bytes of JSON each), signed with
 * the app secret ({@code X-Hub-Signature-256}); a delivery refused or failed is sent again, the same bytes, as Meta
 * retries. Remembers when each mention was first sent: the start of its delivery-to-inbox latency.
 */
final class WebhookSender {

    static final String PAGE_ID = "100200300400";
    private static final int MAX_ATTEMPTS = 20;

    /** A mention sent, for the latency sample. */
    record Sent(String externalId, long sentAtMicros) {
    }

    private final URI webhook;
    private final byte[] appSecret;
    private final int connections;
    private final int batch;
    private final int bytes;
    private final String tag;
    private final HttpClient http;
    final AtomicLong deliveries = new AtomicLong();
    final AtomicLong mentionsAccepted = new AtomicLong();
    final AtomicLong failedAttempts = new AtomicLong();
    final AtomicLong lostDeliveries = new AtomicLong();
    /** The first mention of each delivery accepted: sampled for the latency until it shows in the inbox. */
    final ConcurrentLinkedQueue<Sent> sample = new ConcurrentLinkedQueue<>();
    /** When each mention was first sent (epoch microseconds), by its number; 0 for not sent. */
    final long[] sentAtMicros;
    private final AtomicLong nextDelivery = new AtomicLong();

    WebhookSender(URI monitoring, String appSecret, int connections, int batch, int bytes, String tag,
            int maxMentions) {
        this.webhook = monitoring.resolve("/webhooks/facebook");
        this.appSecret = appSecret.getBytes(StandardCharsets.UTF_8);
        this.connections = connections;
        this.batch = batch;
        this.bytes = bytes;
        this.tag = tag;
        this.sentAtMicros = new long[maxMentions];
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** The external id of mention {@code n}: {@code <page>_<tag><n>}. */
    String externalId(long n) {
        return PAGE_ID + "_" + tag + n;
    }

    String externalIdPrefix() {
        return PAGE_ID + "_" + tag;
    }

    /**
     * Sends for {@code duration} (deliveries scheduled within it), at {@code perSecond} mentions a second or, for 0,
     * as fast as the connections go; returns the number of mentions accepted. Blocks until every sender is done.
     * One run per sender: the next run takes a new sender, with a new tag.
     */
    long run(Duration duration, double perSecond) throws InterruptedException {
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        long maxDeliveries = sentAtMicros.length / batch;
        List<Thread> senders = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            Thread sender = new Thread(() -> {
                while (true) {
                    long k = nextDelivery.getAndIncrement();
                    if (k >= maxDeliveries) {
                        return;
                    }
                    if (perSecond > 0) {
                        long due = start + (long) (k * batch / perSecond * 1e9);
                        if (due >= end) {
                            return;
                        }
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            LockSupport.parkNanos(wait);
                        }
                    } else if (System.nanoTime() >= end) {
                        return;
                    }
                    deliver(k);
                }
            }, "webhook-sender-" + c);
            senders.add(sender);
            sender.start();
        }
        for (Thread sender : senders) {
            sender.join();
        }
        return mentionsAccepted.get();
    }

    private void deliver(long k) {
        long first = k * batch;
        long now = nowMicros();
        long createdTime = now / 1_000_000;
        StringBuilder body = new StringBuilder(batch * (bytes + 40) + 100);
        body.append("{\"object\":\"page\",\"entry\":[{\"id\":\"").append(PAGE_ID).append("\",\"time\":")
                .append(createdTime).append(",\"changes\":[");
        for (int i = 0; i < batch; i++) {
            long n = first + i;
            String change = "{\"field\":\"feed\",\"value\":{\"from\":{\"id\":\"5550" + n + "\",\"name\":\"A Citizen\"},"
                    + "\"post_id\":\"" + externalId(n) + "\",\"created_time\":" + createdTime
                    + ",\"item\":\"status\",\"published\":1,\"verb\":\"add\",\"message\":\"";
            body.append(i == 0 ? "" : ",").append(change).append(MentionJson.text(bytes - change.length() - 3))
                    .append("\"}}");
        }
        body.append("]}]}");
        byte[] bytesOut = body.toString().getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(webhook).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").header("X-Hub-Signature-256", sign(bytesOut))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytesOut)).build();
        long sentAt = nowMicros();
        for (int i = 0; i < batch; i++) {
            sentAtMicros[(int) (first + i)] = sentAt;
        }
        long backoffMillis = 100;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            try {
                HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() / 100 == 2) {
                    deliveries.incrementAndGet();
                    mentionsAccepted.addAndGet(batch);
                    sample.add(new Sent(externalId(first), sentAt));
                    return;
                }
            } catch (java.io.IOException e) {
                // counted below, then sent again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            failedAttempts.incrementAndGet();
            LockSupport.parkNanos(Duration.ofMillis(backoffMillis).toNanos());
            backoffMillis = Math.min(backoffMillis * 2, 3_000);
        }
        lostDeliveries.incrementAndGet();
    }

    static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
    }

    private String sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(appSecret, "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }
}
