package org.clearpost.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * When a sampled mention shows in the inbox: polls monitoring's database every 20 ms for the mentions sent and not
 * yet seen (the first of each delivery). {@code received_at} is stamped by the service before its transaction
 * commits, so it can be earlier than the moment anyone can see the mention; this is the later, honest end.
 */
final class VisibilitySampler implements AutoCloseable {

    private static final long POLL_MILLIS = 20;
    private final MonitoringDatabase database;
    private final Queue<WebhookSender.Sent> sent;
    private final List<WebhookSender.Sent> pending = new ArrayList<>();
    private final List<Double> millis = new ArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread poller;

    VisibilitySampler(MonitoringDatabase database, Queue<WebhookSender.Sent> sent) {
        this.database = database;
        this.sent = sent;
        poller = new Thread(this::poll, "visibility-sampler");
        poller.setDaemon(true);
        poller.start();
    }

    private void poll() {
        while (running.get() || !sent.isEmpty() || !pending.isEmpty()) {
            try {
                for (WebhookSender.Sent next; pending.size() < 2_000 && (next = sent.poll()) != null; ) {
                    pending.add(next);
                }
                if (!pending.isEmpty()) {
                    Map<String, java.time.Instant> found = database.receivedAt(
                            pending.stream().map(WebhookSender.Sent::externalId).toList());
                    long now = WebhookSender.nowMicros();
                    for (Iterator<WebhookSender.Sent> i = pending.iterator(); i.hasNext(); ) {
                        WebhookSender.Sent mention = i.next();
                        if (found.containsKey(mention.externalId())) {
                            synchronized (millis) {
                                millis.add((now - mention.sentAtMicros()) / 1000.0);
                            }
                            i.remove();
                        }
                    }
                }
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                System.out.println("[bench] visibility sampler: " + e);
                return;
            }
        }
    }

    /** Stops sampling once every sampled mention was seen, or after {@code patience}. */
    void finish(Duration patience) throws InterruptedException {
        running.set(false);
        poller.join(patience.toMillis());
        poller.interrupt();
    }

    Percentiles latencies() {
        synchronized (millis) {
            return new Percentiles(millis.stream().mapToDouble(Double::doubleValue).toArray());
        }
    }

    @Override
    public void close() throws InterruptedException {
        finish(Duration.ZERO.plusMillis(1));
    }
}
