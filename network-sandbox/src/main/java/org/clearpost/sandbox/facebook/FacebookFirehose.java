package org.clearpost.sandbox.facebook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.clearpost.sandbox.config.SandboxConfig;
import org.clearpost.sandbox.domain.Ids;
import org.clearpost.sandbox.domain.WebhookSigner;
import org.clearpost.sandbox.firehose.NetworkFirehose;
import org.jboss.logging.Logger;

/**
 * Facebook's firehose, played as Meta plays it: comments on the Page's posts are kept (for the Graph read API) and
 * pushed as signed Page webhooks, batched (up to {@link FacebookSandboxConfig#batchSize()} changes per POST, grouped
 * in entries by second), over several connections at once. A delivery not answered 200 is retried every
 * {@link FacebookSandboxConfig#retryInterval()} until it is {@link FacebookSandboxConfig#retryWindow()} old, then
 * dropped for good (Meta: 36 hours); {@link #drop()} makes every delivery fail for
 * {@link FacebookSandboxConfig#dropFor()}, so a short retry window leaves a gap only the Graph API can fill.
 */
// A singleton, not application-scoped: no client proxy, so the threads start once, in the one real instance.
@Singleton
public class FacebookFirehose implements NetworkFirehose {

    private static final Logger LOG = Logger.getLogger(FacebookFirehose.class);
    private static final String[] AUTHORS = { "Jo Resident", "Sam Walker", "Priya Shah", "Tom Baker", "Ana Silva" };
    private static final String[] MESSAGES = { "When does the tip reopen?", "Thanks for the update #bins",
        "The streetlights on Mill Lane are out again", "Is the library open on Sunday?", "Great event today!" };

    /** What the firehose has done since the last reset. */
    public record Stats(long made, long delivered, long deliveries, int largestDelivery, long failedAttempts,
            long dropped, long pending, String webhookUrl, int concurrency, long retryWindowMillis,
            String lastFailure) {
    }

    /** A batch on its way, with the time of its first attempt (the retry window runs from there). */
    private record Delivery(List<Map<String, Object>> changes, Instant firstAttempt, long generation) {
    }

    private final FacebookSandboxConfig config;
    private final String appSecret;
    private final Duration timeout;
    private final ObjectMapper mapper;
    private final FacebookPage page = new FacebookPage();
    private final HttpClient http;
    private final ScheduledExecutorService ticker = Executors.newScheduledThreadPool(2, daemon("facebook-firehose"));
    private final ConcurrentLinkedQueue<Map<String, Object>> pending = new ConcurrentLinkedQueue<>();
    private final AtomicLong pendingCount = new AtomicLong();
    private final List<ScheduledFuture<?>> bursts = new CopyOnWriteArrayList<>();
    private final AtomicLong generation = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong deliveries = new AtomicLong();
    private final AtomicInteger largest = new AtomicInteger();
    private final AtomicLong failedAttempts = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicReference<ExecutorService> senders = new AtomicReference<>();
    private volatile String webhookUrl;
    private volatile int concurrency;
    private volatile Duration retryWindow;
    private volatile Instant dropUntil = Instant.MIN;
    private volatile Instant silentUntil = Instant.MIN;
    private volatile String lastFailure;

    FacebookFirehose(FacebookSandboxConfig config, SandboxConfig sandbox, ObjectMapper mapper) {
        this.config = config;
        this.appSecret = sandbox.facebookAppSecret();
        this.timeout = sandbox.webhookTimeout();
        this.mapper = mapper;
        this.webhookUrl = sandbox.webhookUrl();
        this.concurrency = config.concurrency();
        this.retryWindow = config.retryWindow();
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
        senders.set(Executors.newFixedThreadPool(concurrency, daemon("facebook-webhook")));
        long wait = Math.max(1, config.batchWait().toMillis());
        ticker.scheduleWithFixedDelay(this::batch, wait, wait, TimeUnit.MILLISECONDS);
    }

    @Override
    public String network() {
        return "facebook";
    }

    public FacebookPage page() {
        return page;
    }

    public String pageId() {
        return config.pageId();
    }

    /**
     * Where deliveries go from now on, over how many connections at once, and how long a failing one is retried
     * (null keeps the current value).
     */
    public void target(String url, Integer connections, Duration window) {
        if (window != null) {
            retryWindow = window;
        }
        if (url != null) {
            webhookUrl = url;
        }
        if (connections != null && connections != concurrency) {
            concurrency = connections;
            senders.getAndSet(Executors.newFixedThreadPool(connections, daemon("facebook-webhook"))).shutdown();
        }
    }

    @Override
    public void burst(int perSecond, Duration duration) {
        Instant now = Instant.now();
        List<FacebookPage.Post> posts = new ArrayList<>();
        for (int i = 0; i < Math.max(1, config.postsPerBurst()); i++) {
            posts.add(page.addPost(new FacebookPage.Post(config.pageId() + "_" + Ids.next(),
                    "Bin collections this week", now)));
        }
        long total = (long) perSecond * Math.max(1, duration.toSeconds());
        long started = System.nanoTime();
        AtomicLong made = new AtomicLong();
        AtomicReference<ScheduledFuture<?>> self = new AtomicReference<>();
        Runnable tick = () -> {
            long due = Math.min(total, (long) (perSecond * ((System.nanoTime() - started) / 1e9)));
            for (long n = made.get(); n < due; n = made.incrementAndGet()) {
                comment(posts.get((int) (n % posts.size())), n);
            }
            if (made.get() >= total && self.get() != null) {
                self.get().cancel(false);
            }
        };
        self.set(ticker.scheduleAtFixedRate(tick, 0, 10, TimeUnit.MILLISECONDS));
        bursts.add(self.get());
        LOG.infof("Facebook firehose: %d comments a second for %s on %d new posts of page %s", perSecond, duration,
                posts.size(), config.pageId());
    }

    @Override
    public void drop() {
        dropUntil = Instant.now().plus(config.dropFor());
        LOG.infof("Facebook firehose: every delivery fails until %s", dropUntil);
    }

    @Override
    public void silence(Duration duration) {
        silentUntil = Instant.now().plus(duration);
    }

    @Override
    public long made() {
        return page.commentCount();
    }

    @Override
    public void reset() {
        bursts.forEach(b -> b.cancel(false));
        bursts.clear();
        generation.incrementAndGet();
        pending.clear();
        pendingCount.set(0);
        page.clear();
        delivered.set(0);
        deliveries.set(0);
        largest.set(0);
        failedAttempts.set(0);
        dropped.set(0);
        dropUntil = Instant.MIN;
        silentUntil = Instant.MIN;
        lastFailure = null;
    }

    public Stats stats() {
        return new Stats(made(), delivered.get(), deliveries.get(), largest.get(), failedAttempts.get(),
                dropped.get(), pendingCount.get(), webhookUrl, concurrency, retryWindow.toMillis(), lastFailure);
    }

    @PreDestroy
    void stop() {
        ticker.shutdownNow();
        senders.get().shutdownNow();
    }

    private void comment(FacebookPage.Post post, long n) {
        Instant now = Instant.now();
        String author = AUTHORS[(int) (n % AUTHORS.length)];
        String id = post.id().substring(post.id().indexOf('_') + 1) + "_" + Ids.next();
        String authorId = Long.toString(7_000_000_000L + n % 100_000);
        String message = MESSAGES[(int) (n % MESSAGES.length)];
        page.addComment(new FacebookPage.Comment(id, post.id(), authorId, author, message, now));
        Map<String, Object> value = new LinkedHashMap<>();
        Map<String, Object> from = new LinkedHashMap<>();
        from.put("id", authorId);
        from.put("name", author);
        value.put("from", from);
        value.put("message", message);
        value.put("post_id", post.id());
        value.put("comment_id", id);
        value.put("parent_id", post.id());
        value.put("created_time", now.getEpochSecond());
        value.put("item", "comment");
        value.put("verb", "add");
        pending.add(value);
        pendingCount.incrementAndGet();
    }

    /** Sends what is pending in batches of at most the batch size; runs every batch-wait. */
    private void batch() {
        try {
            while (!pending.isEmpty()) {
                List<Map<String, Object>> changes = new ArrayList<>();
                for (Map<String, Object> c; changes.size() < config.batchSize() && (c = pending.poll()) != null;) {
                    changes.add(c);
                }
                Delivery delivery = new Delivery(changes, Instant.now(), generation.get());
                senders.get().execute(() -> send(delivery));
            }
        } catch (RuntimeException e) {
            LOG.warn("Facebook firehose could not batch its deliveries", e);
        }
    }

    private void send(Delivery delivery) {
        if (delivery.generation() != generation.get()) {
            return; // made before a reset
        }
        Instant now = Instant.now();
        if (now.isBefore(silentUntil)) {
            later(delivery, Duration.between(now, silentUntil));
            return;
        }
        int status;
        if (now.isBefore(dropUntil)) {
            lastFailure = "dropped by POST /sandbox/firehose/drop";
            status = 0;
        } else {
            status = post(delivery);
        }
        if (status == 200) {
            pendingCount.addAndGet(-delivery.changes().size());
            delivered.addAndGet(delivery.changes().size());
            deliveries.incrementAndGet();
            largest.accumulateAndGet(delivery.changes().size(), Math::max);
            return;
        }
        failedAttempts.incrementAndGet();
        if (Duration.between(delivery.firstAttempt(), Instant.now()).compareTo(retryWindow) >= 0) {
            pendingCount.addAndGet(-delivery.changes().size());
            dropped.addAndGet(delivery.changes().size());
            LOG.infof("Facebook firehose dropped a delivery of %d changes after %s of failures",
                    delivery.changes().size(), retryWindow);
            return;
        }
        later(delivery, config.retryInterval());
    }

    private void later(Delivery delivery, Duration after) {
        ticker.schedule(() -> senders.get().execute(() -> send(delivery)), Math.max(1, after.toMillis()),
                TimeUnit.MILLISECONDS);
    }

    /** The webhook's status, or 0 when it could not be reached. */
    private int post(Delivery delivery) {
        try {
            byte[] body = mapper.writeValueAsBytes(notification(delivery.changes()));
            HttpRequest request = HttpRequest.newBuilder(URI.create(webhookUrl)).timeout(timeout)
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "facebookexternalua")
                    .header(WebhookSigner.HEADER, WebhookSigner.sign(appSecret, body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                lastFailure = "HTTP " + response.statusCode() + ": " + abbreviate(response.body());
            }
            return response.statusCode();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("maps of strings and numbers always serialise", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        } catch (Exception e) {
            lastFailure = e.toString();
            LOG.debugf("Facebook webhook delivery to %s failed: %s", webhookUrl, e);
            return 0;
        }
    }

    /** {"object":"page","entry":[{"id","time","changes":[{"field":"feed","value":..}]}]}, one entry per second. */
    private Map<String, Object> notification(List<Map<String, Object>> changes) {
        List<Map<String, Object>> entries = new ArrayList<>();
        Map<String, Object> entry = null;
        for (Map<String, Object> value : changes) {
            Object time = value.get("created_time");
            if (entry == null || !entry.get("time").equals(time)) {
                entry = new LinkedHashMap<>();
                entry.put("id", config.pageId());
                entry.put("time", time);
                entry.put("changes", new ArrayList<Map<String, Object>>());
                entries.add(entry);
            }
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> list = (List<Map<String, Object>>) entry.get("changes");
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("field", "feed");
            change.put("value", value);
            list.add(change);
        }
        Map<String, Object> notification = new LinkedHashMap<>();
        notification.put("object", "page");
        notification.put("entry", entries);
        return notification;
    }

    private static String abbreviate(String body) {
        return body == null || body.length() <= 300 ? body : body.substring(0, 300) + "...";
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
