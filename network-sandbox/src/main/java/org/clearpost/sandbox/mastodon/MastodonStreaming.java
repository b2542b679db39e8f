package org.clearpost.sandbox.mastodon;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.clearpost.sandbox.domain.Tokens;

/**
 * Mastodon's streaming API over Server-Sent Events: {@code GET /api/v1/streaming/user/notification} (and
 * {@code /api/v1/streaming/user}, which on a real instance also carries the home timeline) with the user token as
 * {@code Authorization: Bearer} or {@code ?access_token=}. Like Mastodon's streaming server it answers 200 with
 * {@code text/event-stream}, writes {@code :)} at once (so the client knows the stream is open), then one
 * {@code event: notification} / {@code data: <Notification JSON>} frame per notification and a {@code :thump}
 * comment line every heartbeat interval. A plain Vert.x route rather than JAX-RS: the frames and comment lines must
 * be exactly Mastodon's, and the firehose must be able to drop the TCP connection.
 */
@ApplicationScoped
public class MastodonStreaming {

    private final MastodonFirehose firehose;
    private final MastodonSandboxConfig config;

    MastodonStreaming(MastodonFirehose firehose, MastodonSandboxConfig config) {
        this.firehose = firehose;
        this.config = config;
    }

    void routes(@Observes Router router) {
        router.get("/api/v1/streaming/user/notification").handler(this::stream);
        router.get("/api/v1/streaming/user").handler(this::stream);
        router.get("/api/v1/streaming/health").handler(rc -> rc.response().putHeader("content-type", "text/plain")
                .end("OK"));
    }

    private void stream(RoutingContext rc) {
        Optional<String> token = Tokens.fromAuthorization(rc.request().getHeader("Authorization"), "Bearer")
                .or(() -> Tokens.nonBlank(rc.request().getParam("access_token")));
        HttpServerResponse response = rc.response();
        if (token.isEmpty() || !token.get().equals(config.userToken())) {
            response.setStatusCode(401).putHeader("content-type", "application/json; charset=utf-8")
                    .end("{\"error\":\"Error: Invalid access token\"}");
            return;
        }
        response.setChunked(true)
                .putHeader("content-type", "text/event-stream")
                .putHeader("cache-control", "private, no-store")
                .putHeader("x-accel-buffering", "no");
        MastodonFirehose.LiveConnection connection = new MastodonFirehose.LiveConnection() {
            @Override
            public void send(String text) {
                if (!response.closed() && !response.ended()) {
                    response.write(text);
                }
            }

            @Override
            public void close() {
                rc.request().connection().close();
            }
        };
        response.closeHandler(v -> firehose.closed(connection));
        // Registered before the first byte: once the client has the response headers, it gets every later frame.
        firehose.open(connection);
        response.write(":)\n");
    }
}
