package org.clearpost.monitoring.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Keeps the X filtered stream's rules in step with the active tracked queries: after every change and at start it
 * reads the rules ({@code GET /2/tweets/search/stream/rules}), and deletes and adds ({@code POST}) until there is one
 * rule per translatable query, tagged with the query's id. Rules whose tag is not a query id belong to someone else
 * (the X intake's own rules) and are left alone. Two queries translating to the same rule share one (X refuses
 * duplicates); the local matcher decides which matched. One sync runs at a time, requests during it coalesce into one
 * more, and a failed sync is tried again with a doubling delay up to five minutes.
 */
@ApplicationScoped
public class XStreamRulesSync {

    private static final Logger LOG = Logger.getLogger(XStreamRulesSync.class);
    private static final String PATH = "/2/tweets/search/stream/rules";
    private static final Duration MAX_RETRY = Duration.ofMinutes(5);

    /** What the last sync did. */
    public record Outcome(Instant at, int added, int deleted, int rules, String error) {
    }

    private final XRulesConfig config;
    private final TrackedQueryMatcher matcher;
    private final ObjectMapper json = new ObjectMapper();
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "x-stream-rules-sync");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean pending = new AtomicBoolean();
    private volatile HttpClient http;
    private volatile Outcome last;
    private volatile Duration retry;

    public XStreamRulesSync(XRulesConfig config, TrackedQueryMatcher matcher) {
        this.config = config;
        this.matcher = matcher;
        this.retry = config.retryDelay();
    }

    /** Asks for a sync soon; several requests before it starts make one sync. No-op when not configured. */
    public void requestSync() {
        if (config.enabled() && pending.compareAndSet(false, true)) {
            worker.execute(this::run);
        }
    }

    /** The last sync's outcome, or null before the first. */
    public Outcome lastOutcome() {
        return last;
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    private void run() {
        pending.set(false);
        try {
            last = sync(matcher.snapshot());
            retry = config.retryDelay();
        } catch (IOException | RuntimeException e) {
            LOG.warnf("X stream rules not in step (trying again in %s): %s", retry, e.getMessage());
            last = new Outcome(Instant.now(), 0, 0, -1, e.getMessage());
            worker.schedule(this::requestSync, retry.toMillis(), TimeUnit.MILLISECONDS);
            retry = retry.multipliedBy(2).compareTo(MAX_RETRY) > 0 ? MAX_RETRY : retry.multipliedBy(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The rules the queries ask for: value by tag (query id), one rule per distinct value, in query-id order. */
    static Map<String, String> desired(CompiledQueries queries) {
        Map<String, String> byTag = new LinkedHashMap<>();
        Set<String> values = new java.util.HashSet<>();
        for (CompiledQueries.Compiled query : queries.queries()) {
            Translation rule = XRuleTranslator.translate(query.tree());
            if (rule.status() == Translation.Status.TRANSLATED && values.add(rule.value())) {
                byTag.put(query.id().toString(), rule.value());
            } else if (rule.status() == Translation.Status.NOT_TRANSLATABLE) {
                LOG.debugf("Tracked query %s has no X rule: %s", query.id(), rule.reason());
            }
        }
        return byTag;
    }

    private Outcome sync(CompiledQueries queries) throws IOException, InterruptedException {
        Map<String, String> wanted = desired(queries);
        List<JsonNode> existing = currentRules();
        List<String> delete = new ArrayList<>();
        Map<String, String> add = new LinkedHashMap<>(wanted);
        int foreign = 0;
        for (JsonNode rule : existing) {
            String tag = rule.path("tag").asText(null);
            if (!isQueryId(tag)) {
                foreign++;
                continue;
            }
            String value = rule.path("value").asText();
            if (value.equals(add.get(tag))) {
                add.remove(tag);
            } else {
                delete.add(rule.path("id").asText());
            }
        }
        if (!delete.isEmpty()) {
            ObjectNode body = json.createObjectNode();
            ArrayNode ids = body.putObject("delete").putArray("ids");
            delete.forEach(ids::add);
            post(body);
        }
        if (!add.isEmpty()) {
            ObjectNode body = json.createObjectNode();
            ArrayNode rules = body.putArray("add");
            add.forEach((tag, value) -> rules.addObject().put("value", value).put("tag", tag));
            JsonNode answer = post(body);
            for (JsonNode error : answer.path("errors")) {
                // A rule another app user added with the same value already filters these posts.
                LOG.infof("X refused stream rule %s: %s", error.path("value").asText(), error.path("title").asText());
            }
        }
        int total = existing.size() - delete.size() + add.size();
        if (!add.isEmpty() || !delete.isEmpty()) {
            LOG.infof("X stream rules in step with %d tracked queries: %d added, %d deleted (%d rules not ours)",
                    wanted.size(), add.size(), delete.size(), foreign);
        }
        return new Outcome(Instant.now(), add.size(), delete.size(), total, null);
    }

    private List<JsonNode> currentRules() throws IOException, InterruptedException {
        List<JsonNode> rules = new ArrayList<>();
        String token = null;
        do {
            String url = PATH + "?max_results=1000"
                    + (token == null ? "" : "&pagination_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
            JsonNode page = send(HttpRequest.newBuilder(uri(url)).GET());
            page.path("data").forEach(rules::add);
            token = page.path("meta").path("next_token").asText(null);
        } while (token != null);
        return rules;
    }

    private JsonNode post(JsonNode body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(PATH)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))));
    }

    private JsonNode send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = client().send(request.timeout(config.timeout())
                .header("Authorization", "Bearer " + config.bearerToken().orElseThrow()).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("X answered " + response.statusCode() + " to " + request.build().method() + " "
                    + PATH + ": " + abbreviate(response.body()));
        }
        return json.readTree(response.body());
    }

    private URI uri(String pathAndQuery) {
        String base = config.baseUrl().orElseThrow().toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + pathAndQuery);
    }

    private HttpClient client() {
        if (http == null) {
            http = HttpClient.newBuilder().connectTimeout(config.timeout()).build();
        }
        return http;
    }

    private static boolean isQueryId(String tag) {
        if (tag == null || tag.length() != 36) {
            return false;
        }
        try {
            UUID.fromString(tag);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }
}
