package org.clearpost.publisher;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real HTTP server speaking the two shapes the connectors use: X API v2 {@code POST /2/tweets} and Graph
 * {@code POST /graph/v21.0/{page-id}/feed}. It answers like the networks (and the network sandbox) do, and records
 * every call. Tests script other answers per access token, so tests using different tokens never meet.
 */
public final class FakeNetwork implements AutoCloseable {

    public static final String GRAPH_PATH = "/graph/v21.0";
    private static final Pattern FEED = Pattern.compile(Pattern.quote(GRAPH_PATH) + "/([^/]+)/feed");

    /** One call as received. {@code token} is the bearer token (X) or the {@code access_token} parameter (Graph). */
    public record Call(String path, String token, String contentType, String body, Map<String, String> form,
            Instant receivedAt) {
    }

    /** A scripted answer. */
    public record Reply(int status, String body, Map<String, String> headers) {

        public static Reply of(int status, String body) {
            return new Reply(status, body, Map.of());
        }

        public Reply withHeaders(Map<String, String> more) {
            Map<String, String> all = new LinkedHashMap<>(headers);
            all.putAll(more);
            return new Reply(status, body, all);
        }
    }

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Reply>> scripts = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong(1_898_000_000_000_000_000L);

    private FakeNetwork(HttpServer server) {
        this.server = server;
    }

    public static FakeNetwork start() {
        try {
            FakeNetwork network = new FakeNetwork(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
            network.server.createContext("/", network::handle);
            network.server.start();
            return network;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The next calls made with {@code token} get these answers, in order; after them, the usual success. */
    public void script(String token, Reply... replies) {
        scripts.computeIfAbsent(token, t -> new ArrayDeque<>()).addAll(List.of(replies));
    }

    /** Every call received, whatever its token. */
    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public List<Call> calls(String token) {
        return calls.stream().filter(c -> token.equals(c.token())).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            Matcher feed = FEED.matcher(path);
            Reply reply;
            if ("POST".equals(exchange.getRequestMethod()) && path.equals("/2/tweets")) {
                String authorization = exchange.getRequestHeaders().getFirst("Authorization");
                String token = authorization != null && authorization.startsWith("Bearer ")
                        ? authorization.substring(7) : null;
                calls.add(new Call(path, token, contentType, body, Map.of(), Instant.now()));
                reply = next(token, () -> Reply.of(201, "{\"data\":{\"id\":\"" + ids.incrementAndGet()
                        + "\",\"text\":\"(as sent)\"}}").withHeaders(Map.of("x-rate-limit-limit", "100",
                                "x-rate-limit-remaining", "99",
                                "x-rate-limit-reset", Long.toString(Instant.now().plusSeconds(900).getEpochSecond()))));
            } else if ("POST".equals(exchange.getRequestMethod()) && feed.matches()) {
                Map<String, String> form = form(body);
                String token = form.get("access_token");
                calls.add(new Call(path, token, contentType, body, form, Instant.now()));
                String page = feed.group(1);
                reply = next(token, () -> Reply.of(200, "{\"id\":\"" + page + "_" + ids.incrementAndGet() + "\"}"));
            } else {
                reply = Reply.of(404, "{\"error\":\"no such endpoint in the fake network\"}");
            }
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            reply.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            exchange.sendResponseHeaders(reply.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    private Reply next(String token, java.util.function.Supplier<Reply> usual) {
        Deque<Reply> script = token == null ? null : scripts.get(token);
        Reply scripted = script == null ? null : script.poll();
        return scripted != null ? scripted : usual.get();
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }
}
