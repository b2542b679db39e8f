package org.clearpost.sandbox.bluesky;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Jetstream's v1 endpoint, {@code GET /subscribe} upgraded to a WebSocket, on the sandbox's own HTTP server (Vert.x
 * directly: per-connection flow control, and no extension to add). Query parameters as Jetstream's:
 * {@code wantedCollections} and {@code wantedDids} (repeatable; empty means all), {@code cursor} (unix microseconds,
 * inclusive).
 */
@ApplicationScoped
public class JetstreamServer {

    static final String PATH = "/subscribe";

    private final BlueskyFirehose firehose;

    JetstreamServer(BlueskyFirehose firehose) {
        this.firehose = firehose;
    }

    void routes(@Observes Router router) {
        router.get(PATH).handler(this::subscribe);
    }

    private void subscribe(RoutingContext rc) {
        Long cursor;
        try {
            List<String> cursors = rc.queryParam("cursor");
            cursor = cursors.isEmpty() || cursors.get(0).isBlank() ? null : Long.valueOf(cursors.get(0).strip());
        } catch (NumberFormatException e) {
            rc.response().setStatusCode(400).putHeader("Content-Type", "application/json")
                    .end("{\"error\":\"InvalidRequest\",\"message\":\"cursor must be a unix microseconds timestamp\"}");
            return;
        }
        Set<String> collections = new HashSet<>(rc.queryParam("wantedCollections"));
        Set<String> dids = new HashSet<>(rc.queryParam("wantedDids"));
        // Jetstream filters on the collection and on the repo (the author), never on who a post mentions
        Predicate<BlueskyPost> wanted = p -> (collections.isEmpty() || collections.contains(BlueskyPost.COLLECTION)
                || collections.contains("app.bsky.feed.*")) && (dids.isEmpty() || dids.contains(p.did()));
        rc.request().toWebSocket()
                .onSuccess(socket -> firehose.subscribe(socket, cursor, wanted))
                .onFailure(rc::fail);
    }
}
