package org.clearpost.drafting.feed;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The body's website as the feed poller sees it: a real RSS 2.0 file (no validators, so every poll gets the whole
 * feed) and a real Atom file (with an ETag, answering 304 when asked with it), served over HTTP on a free port.
 * {@code /not-modified} says how many 304s it has answered (the test runs in another class loader, so it asks by HTTP).
 */
public class FeedServer implements QuarkusTestResourceLifecycleManager {

    static final String BLOG_ETAG = "\"blog-v1\"";

    private final AtomicInteger notModified = new AtomicInteger();
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/news.rss", exchange -> serve(exchange, "/feeds/news.rss", "application/rss+xml", null));
        server.createContext("/blog.atom", exchange -> serve(exchange, "/feeds/blog.atom", "application/atom+xml",
                BLOG_ETAG));
        server.createContext("/not-modified", exchange -> {
            try (exchange) {
                byte[] count = String.valueOf(notModified.get()).getBytes(StandardCharsets.US_ASCII);
                exchange.sendResponseHeaders(200, count.length);
                exchange.getResponseBody().write(count);
            }
        });
        server.start();
        String base = "http://localhost:" + server.getAddress().getPort();
        return Map.of(
                "clearpost.drafting.feeds[0].name", "news",
                "clearpost.drafting.feeds[0].url", base + "/news.rss",
                "clearpost.drafting.feeds[1].name", "blog",
                "clearpost.drafting.feeds[1].url", base + "/blog.atom");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private void serve(HttpExchange exchange, String resource, String contentType, String etag)
            throws IOException {
        try (exchange) {
            if (etag != null && etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                notModified.incrementAndGet();
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            byte[] body;
            try (InputStream in = FeedServer.class.getResourceAsStream(resource)) {
                body = in.readAllBytes();
            }
            exchange.getResponseHeaders().set("Content-Type", contentType + "; charset=utf-8");
            if (etag != null) {
                exchange.getResponseHeaders().set("ETag", etag);
            }
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
