package org.clearpost.publisher;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real HTTP server speaking the shapes the connectors use: X API v2 ({@code POST /2/tweets},
 * {@code POST /2/media/upload}, {@code POST /2/media/metadata}, {@code GET /2/users/me},
 * {@code POST /2/users/{id}/retweets}) and Graph ({@code /graph/v21.0/{page-id}/feed}, {@code /photos},
 * {@code /{object-id}/comments}), and drafting's media store ({@code GET /media/...}, files given by {@link #serve}).
 * It answers like the networks (and the network sandbox) do, and records every call. Tests script other answers per
 * access token, so tests using different tokens never meet.
 */
public final class FakeNetwork implements AutoCloseable {

    public static final String GRAPH_PATH = "/graph/v21.0";
    private static final Pattern FEED = Pattern.compile(Pattern.quote(GRAPH_PATH) + "/([^/]+)/feed");
    private static final Pattern PHOTOS = Pattern.compile(Pattern.quote(GRAPH_PATH) + "/([^/]+)/photos");
    private static final Pattern COMMENTS = Pattern.compile(Pattern.quote(GRAPH_PATH) + "/([^/]+)/comments");
    private static final Pattern RETWEETS = Pattern.compile("/2/users/([^/]+)/retweets");

    /**
     * One call as received. {@code token} is the bearer token (X) or the {@code access_token} parameter (Graph);
     * {@code form} the urlencoded or multipart text fields; {@code fileSha256} the SHA-256 of a multipart file part;
     * {@code answer} the body the fake network answered.
     */
    public record Call(String method, String path, String token, String contentType, String body,
            Map<String, String> form, String fileSha256, Instant receivedAt, String answer) {
    }

    /** A scripted answer, given after {@code delay}. */
    public record Reply(int status, String body, Map<String, String> headers, Duration delay) {

        /** In a script: the usual answer for this call, so a later scripted answer hits a later call. */
        public static final Reply USUAL = new Reply(0, "", Map.of(), Duration.ZERO);

        public static Reply of(int status, String body) {
            return new Reply(status, body, Map.of(), Duration.ZERO);
        }

        /** The usual answer, after {@code delay}. */
        public static Reply slow(Duration delay) {
            return new Reply(0, "", Map.of(), delay);
        }

        public Reply withHeaders(Map<String, String> more) {
            Map<String, String> all = new LinkedHashMap<>(headers);
            all.putAll(more);
            return new Reply(status, body, all, delay);
        }
    }

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Reply>> scripts = new ConcurrentHashMap<>();
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
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

    /** Serves {@code bytes} at {@code GET /media/{name}}, as drafting's media store would; answers its URL. */
    public String serve(String name, byte[] bytes) {
        files.put("/media/" + name, bytes);
        return baseUrl() + "/media/" + name;
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

    /** The X user id {@code GET /2/users/me} answers for a token. */
    public static String userId(String token) {
        return Long.toString(Math.abs((long) token.hashCode()) + 1_000_000L);
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            byte[] raw = exchange.getRequestBody().readAllBytes();
            String body = new String(raw, StandardCharsets.UTF_8);
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            if ("GET".equals(method) && files.containsKey(path)) {
                byte[] file = files.get(path);
                exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
                exchange.sendResponseHeaders(200, file.length);
                exchange.getResponseBody().write(file);
                return;
            }
            Map<String, String> form = new LinkedHashMap<>();
            String fileSha256 = null;
            if (contentType != null && contentType.startsWith("multipart/form-data")) {
                fileSha256 = multipart(contentType, raw, form);
            } else if (contentType != null && contentType.startsWith("application/x-www-form-urlencoded")) {
                form.putAll(form(body));
            }
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            String token = authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7)
                    : form.get("access_token");
            Instant receivedAt = Instant.now();
            Reply reply = next(token, () -> usual(method, path, token));
            calls.add(new Call(method, path, token, contentType, body, Map.copyOf(form), fileSha256, receivedAt,
                    reply.body()));
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            reply.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            exchange.sendResponseHeaders(reply.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    private Reply usual(String method, String path, String token) {
        Matcher feed = FEED.matcher(path);
        Matcher photos = PHOTOS.matcher(path);
        Matcher comments = COMMENTS.matcher(path);
        Matcher retweets = RETWEETS.matcher(path);
        if ("POST".equals(method) && path.equals("/2/tweets")) {
            return xReply(201, "{\"data\":{\"id\":\"" + ids.incrementAndGet() + "\",\"text\":\"(as sent)\"}}");
        }
        if ("POST".equals(method) && path.equals("/2/media/upload")) {
            long id = ids.incrementAndGet();
            return xReply(200, "{\"data\":{\"id\":\"" + id + "\",\"media_key\":\"3_" + id + "\"}}");
        }
        if ("POST".equals(method) && path.equals("/2/media/metadata")) {
            return xReply(200, "{\"data\":{\"id\":\"(as sent)\"}}");
        }
        if ("GET".equals(method) && path.equals("/2/users/me")) {
            return xReply(200, "{\"data\":{\"id\":\"" + userId(token) + "\",\"name\":\"n\",\"username\":\"u\"}}");
        }
        if ("POST".equals(method) && retweets.matches()) {
            return retweets.group(1).equals(userId(token)) ? xReply(200, "{\"data\":{\"retweeted\":true}}")
                    : xReply(403, "{\"title\":\"Forbidden\",\"detail\":\"You are not permitted to perform this "
                            + "action.\"}");
        }
        if ("POST".equals(method) && feed.matches()) {
            return Reply.of(200, "{\"id\":\"" + feed.group(1) + "_" + ids.incrementAndGet() + "\"}");
        }
        if ("POST".equals(method) && photos.matches()) {
            return Reply.of(200, "{\"id\":\"" + ids.incrementAndGet() + "\",\"post_id\":\"" + photos.group(1) + "_"
                    + ids.incrementAndGet() + "\"}");
        }
        if ("POST".equals(method) && comments.matches()) {
            String on = comments.group(1);
            return Reply.of(200, "{\"id\":\"" + on.substring(on.lastIndexOf('_') + 1) + "_" + ids.incrementAndGet()
                    + "\"}");
        }
        return Reply.of(404, "{\"error\":\"no such endpoint in the fake network\"}");
    }

    private static Reply xReply(int status, String body) {
        return Reply.of(status, body).withHeaders(Map.of("x-rate-limit-limit", "100",
                "x-rate-limit-remaining", "99",
                "x-rate-limit-reset", Long.toString(Instant.now().plusSeconds(900).getEpochSecond())));
    }

    private Reply next(String token, Supplier<Reply> usual) {
        Deque<Reply> script = token == null ? null : scripts.get(token);
        Reply scripted = script == null ? null : script.poll();
        if (scripted != null && !scripted.delay().isZero()) {
            try {
                Thread.sleep(scripted.delay().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return scripted != null && scripted.status() != 0 ? scripted : usual.get();
    }

    /** Puts the text fields in {@code form}; answers the SHA-256 of the file part, if there is one. */
    private static String multipart(String contentType, byte[] raw, Map<String, String> form) {
        String boundary = "--" + contentType.substring(contentType.indexOf("boundary=") + 9).replace("\"", "");
        // ISO-8859-1 maps every byte to one char and back, so file bytes survive the string handling.
        String all = new String(raw, StandardCharsets.ISO_8859_1);
        String fileSha256 = null;
        for (String part : all.split(Pattern.quote(boundary))) {
            int headersEnd = part.indexOf("\r\n\r\n");
            if (headersEnd < 0) {
                continue;
            }
            String headers = part.substring(0, headersEnd);
            String content = part.substring(headersEnd + 4, part.length() - 2); // the CRLF before the boundary
            Matcher name = Pattern.compile("name=\"([^\"]+)\"").matcher(headers);
            if (!name.find()) {
                continue;
            }
            byte[] bytes = content.getBytes(StandardCharsets.ISO_8859_1);
            if (headers.contains("filename=")) {
                fileSha256 = sha256(bytes);
            } else {
                form.put(name.group(1), new String(bytes, StandardCharsets.UTF_8));
            }
        }
        return fileSha256;
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
